namespace Totara.Emulator.Domain.Enrolment;

public enum EnrolInstanceStatus
{
    Enabled,
    Disabled,
}

public enum UserEnrolmentStatus
{
    Active,
    Suspended,
}

/// <summary>An enrolment method added to a course (mdl_enrol): manual, self, program...</summary>
public sealed class EnrolInstance
{
    public long Id { get; init; }
    public long CourseId { get; init; }
    public string Enrol { get; init; } = "manual";
    public EnrolInstanceStatus Status { get; set; } = EnrolInstanceStatus.Enabled;
    public long DefaultRoleId { get; init; } = RoleStore.LearnerRoleId;
    public int SortOrder { get; init; }
}

/// <summary>One user's enrolment through one enrolment instance (mdl_user_enrolments), with the roles it gave.</summary>
public sealed class UserEnrolment
{
    public long Id { get; init; }
    public long EnrolId { get; init; }
    public long UserId { get; init; }
    public UserEnrolmentStatus Status { get; set; }
    public long TimeStart { get; set; }
    public long TimeEnd { get; set; }
    public long TimeCreated { get; init; }
    public long TimeModified { get; set; }
    public long ModifiedBy { get; set; }
    public SortedSet<long> RoleIds { get; private init; } = new();

    public UserEnrolment Copy() => new()
    {
        Id = Id,
        EnrolId = EnrolId,
        UserId = UserId,
        Status = Status,
        TimeStart = TimeStart,
        TimeEnd = TimeEnd,
        TimeCreated = TimeCreated,
        TimeModified = TimeModified,
        ModifiedBy = ModifiedBy,
        RoleIds = new SortedSet<long>(RoleIds),
    };
}
