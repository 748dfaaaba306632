using Totara.Emulator.Domain.Completion;
using Totara.Emulator.Domain.Courses;
using Totara.Emulator.Domain.Enrolment;
using Totara.Emulator.Domain.Goals;
using Totara.Emulator.Domain.Intellidata;

namespace Totara.Emulator.Domain;

public sealed partial class EmulatorState
{
    /// <summary>
    /// The clock enrolment dates, goal timestamps, "currently enrolled" checks and users'
    /// timecreated/timemodified read. The host may point it at its own clock so tests can move time.
    /// </summary>
    public TimeProvider LearningTime { get; set; } = TimeProvider.System;

    /// <summary>Course categories and courses.</summary>
    public CourseStore Courses { get; } = new();

    /// <summary>The site's roles (Learner, Trainer, ...).</summary>
    public RoleStore Roles { get; } = new();

    /// <summary>Enrolment instances per course and the users enrolled through them.</summary>
    public EnrolmentStore Enrolments { get; } = new();

    /// <summary>Course completion records per user and course.</summary>
    public CompletionStore Completions { get; } = new();

    /// <summary>Personal goals (perform_goal).</summary>
    public GoalStore Goals { get; } = new();

    /// <summary>The IntelliBoard (bi_intellidata) plugin's settings and export logs.</summary>
    public IntellidataStore Intellidata { get; } = new();
}
