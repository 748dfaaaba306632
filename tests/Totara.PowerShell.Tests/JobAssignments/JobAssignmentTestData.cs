using Totara.Emulator.Domain.Jobs;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.JobAssignments;

/// <summary>Helpers for the job-assignment cmdlet tests: seeded people and the emulator's job store.</summary>
internal static class JobAssignmentTestData
{
    /// <summary>Seeds users with unique names; returns their idnumbers (what HR files name them by).</summary>
    public static string[] People(this EmulatorRunspaceFixture site, string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => site.Seed(UserTestData.UniqueName(prefix + i)).IdNumber!).ToArray();

    public static long UserIdOf(this EmulatorRunspaceFixture site, string idNumber) =>
        site.Host.State.Users.Snapshot(u => u.IdNumber == idNumber).Single().Id;

    /// <summary>The user's assignments as the emulator holds them.</summary>
    public static IReadOnlyList<JobAssignmentRecord> JobsOf(this EmulatorRunspaceFixture site, string userIdNumber) =>
        site.Host.State.Jobs.ForUser(site.UserIdOf(userIdNumber));

    public static JobAssignmentRecord JobOf(this EmulatorRunspaceFixture site, string userIdNumber, string jobIdNumber) =>
        site.JobsOf(userIdNumber).Single(j => j.IdNumber == jobIdNumber);
}
