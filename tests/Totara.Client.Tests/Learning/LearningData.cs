using Totara.Emulator;
using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Courses;

namespace Totara.Client.Tests.Learning;

/// <summary>Courses and users put straight into the emulator's stores, for the learning tests.</summary>
internal static class LearningData
{
    public static CourseRecord AddCourse(EmulatorHost host, string shortName, string fullName, params string[] tags)
    {
        var course = host.State.Courses.AddCourse(c =>
        {
            c.ShortName = shortName;
            c.FullName = fullName;
            c.IdNumber = "CRS-" + shortName;
            c.CategoryId = 1;
            c.TimeCreated = 1_700_000_000;
            c.Tags.AddRange(tags);
        });
        host.State.Enrolments.AddInstance(course.Id, "manual");
        return course;
    }

    public static UserRecord AddUser(EmulatorHost host, string username)
    {
        var users = host.State.Users;
        lock (users.Gate)
        {
            var user = new UserRecord
            {
                Id = users.NextId(), Username = username, Email = username + "@example.com", FirstName = "F", LastName = "L", IdNumber = "EMP-" + username,
            };
            users.Add(user);
            return user;
        }
    }

    public static bool IsEnrolled(EmulatorHost host, CourseRecord course, UserRecord user) =>
        host.State.Enrolments.IsActivelyEnrolled(course.Id, user.Id, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 10);
}

/// <summary>
/// Lets the first request whose body contains <paramref name="marker"/> reach the site, then
/// throws the answer away, as a dropped connection would: the mutation ran, the client never hears.
/// </summary>
internal sealed class DropAnswerHandler : DelegatingHandler
{
    private readonly string _marker;
    private int _dropped;

    public DropAnswerHandler(string marker) : base(new HttpClientHandler { UseCookies = false }) => _marker = marker;

    public int Dropped => _dropped;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var response = await base.SendAsync(request, ct);
        if (body.Contains(_marker, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _dropped, 1, 0) == 0)
        {
            response.Dispose();
            throw new HttpRequestException("The connection was reset (test).");
        }
        return response;
    }
}
