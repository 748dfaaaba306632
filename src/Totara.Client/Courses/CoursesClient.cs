using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Users;

namespace Totara.Client.Courses;

/// <summary>
/// The courses area of the API: the course list (core_course_courses), manual enrolment
/// (enrol_manual_*), the enrolment check (core_course_is_user_enrolled) and course completion
/// (core_completion_get_course_completion). Builds documents and maps data; every request goes
/// through <see cref="TotaraClient"/>.
/// </summary>
public sealed class CoursesClient
{
    private const string ListField = "core_course_courses";
    private const string EnrolledField = "core_course_is_user_enrolled";
    private const string EnrolField = "enrol_manual_enrol_user";
    private const string UnenrolField = "enrol_manual_unenrol_user";
    private const string CompletionField = "core_completion_get_course_completion";

    private const string EnrolSelection = "user { id username } role { shortname } enrolment { timestart timeend status } success was_already_enrolled";
    private const string UnenrolSelection = "user { id username } success user_had_manual_enrolment";

    private readonly TotaraClient _client;

    internal CoursesClient(TotaraClient client) => _client = client;

    /// <summary>How many users of <paramref name="action"/> fit in one request.</summary>
    public int OperationsPerRequest(CourseEnrolmentAction action) => _client.OperationsPerRequest(Cost(action));

    /// <summary>Streams every course the options select, page by page.</summary>
    public async IAsyncEnumerable<CourseData> ListAsync(CourseListOptions? options = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        options ??= new CourseListOptions();
        var request = options.BuildRequest(_client.BatchComplexityLimit);
        var byName = options.SortByFullName ? new List<CourseData>() : null;
        await foreach (var item in _client.PageAsync(request, ListField, "cursor", ct).ConfigureAwait(false))
        {
            if (byName is null) yield return CourseData.FromJson(item);
            else byName.Add(CourseData.FromJson(item));
        }

        // Paged by id (no course lost to a tie), then sorted here as a case-insensitive collation would.
        if (byName is null) yield break;
        foreach (var course in byName.OrderBy(c => c.FullName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id))
            yield return course;
    }

    /// <summary>
    /// The courses <paramref name="identity"/> names. The API has no single-course query, so this
    /// reads the list: an exact id, idnumber or shortname wins; otherwise shortnames and full
    /// names are compared ignoring case (a full name need not be unique, hence a list).
    /// </summary>
    public async Task<IReadOnlyList<CourseData>> FindAsync(string identity, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(identity)) throw new ArgumentException("A course identity is empty.", nameof(identity));
        var all = new List<CourseData>();
        await foreach (var course in ListAsync(null, ct).ConfigureAwait(false)) all.Add(course);
        return Match(all, identity);
    }

    /// <summary>The courses of <paramref name="catalogue"/> that <paramref name="identity"/> names (see <see cref="FindAsync"/>).</summary>
    public static IReadOnlyList<CourseData> Match(IEnumerable<CourseData> catalogue, string identity)
    {
        var courses = catalogue as IReadOnlyList<CourseData> ?? catalogue.ToList();
        var byKey = courses.Where(c => c.HasKey(identity)).ToList();
        return byKey.Count > 0 ? byKey : courses.Where(c => c.HasName(identity)).ToList();
    }

    /// <summary>The one course <paramref name="identity"/> names; throws <see cref="CourseNotFoundException"/> for none or several.</summary>
    public async Task<CourseData> ResolveAsync(string identity, CancellationToken ct = default)
    {
        var found = await FindAsync(identity, ct).ConfigureAwait(false);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new CourseNotFoundException(identity, $"No course has the id, idnumber, shortname or full name '{identity}'.", false),
            _ => throw new CourseNotFoundException(identity,
                $"'{identity}' names {found.Count} courses (ids {string.Join(", ", found.Select(c => c.Id))}); give the id, idnumber or shortname instead.", true),
        };
    }

    /// <summary>
    /// Enrols, unenrols or tests each request's user in <paramref name="course"/>, batched; one result per request, in input order.
    /// </summary>
    /// <remarks>
    /// Every user's enrolment is tested first (a cheap query, batched): that finds which reference
    /// names the user (a string may be a username or an idnumber) so the mutations carry no
    /// unknown users, whose errors would null the whole batch's data. Unenrols are sent only for
    /// users actively enrolled (Totara itself does nothing for the others). Enrols are always
    /// sent: they apply the role, dates and suspension given, and say whether the user was
    /// enrolled already. A mutation whose answer is lost is settled by testing the enrolment
    /// again before anything is resent, so nothing is applied twice.
    /// </remarks>
    public async Task<IReadOnlyList<CourseEnrolmentResult>> RunEnrolmentAsync(CourseReference course, CourseEnrolmentAction action,
        IReadOnlyList<UserRequest> requests, EnrolmentSettings? settings = null, CancellationToken ct = default)
    {
        if (course is null) throw new ArgumentNullException(nameof(course));
        if (requests is null) throw new ArgumentNullException(nameof(requests));
        var tests = await UserFallbackQuery.RunAsync(_client, requests, (user, i) => TestOperation(course, user, i), ct).ConfigureAwait(false);
        var results = new CourseEnrolmentResult[requests.Count];
        var enrolledBefore = new bool[requests.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var test = tests[i];
            enrolledBefore[i] = Flag(test.Data, "user_currently_enrolled");
            results[i] = test.Error is null
                ? new CourseEnrolmentResult(requests[i], test.Tried, enrolledBefore[i] ? CourseEnrolmentOutcome.IsEnrolled : CourseEnrolmentOutcome.IsNotEnrolled, null, null, null, false)
                : new CourseEnrolmentResult(requests[i], test.Tried, null, null, null, test.Error, test.UserNotFound);
        }
        if (action == CourseEnrolmentAction.Test) return results;

        var enrol = action == CourseEnrolmentAction.Enrol;
        var send = new List<int>();
        for (var i = 0; i < results.Length; i++)
        {
            if (!results[i].Succeeded) continue;
            if (enrol || enrolledBefore[i]) send.Add(i);
            else results[i] = results[i].With(CourseEnrolmentOutcome.NotManuallyEnrolled);
        }

        var operations = send.Select(i => enrol ? EnrolOperation(course, results[i].Tried, settings, i) : UnenrolOperation(course, results[i].Tried, i)).ToList();
        await foreach (var item in _client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
        {
            var i = (int)item.Operation.Tag!;
            results[i] = item.Succeeded
                ? FromAnswer(requests[i], results[i].Tried, enrol, enrolledBefore[i], item.Data)
                : new CourseEnrolmentResult(requests[i], results[i].Tried, null, null, null, item.Error, false);
        }
        return results;
    }

    /// <summary>Each request's user's completion of <paramref name="course"/>, batched; one result per request, in input order.</summary>
    public async Task<IReadOnlyList<CourseCompletionResult>> GetCompletionsAsync(CourseReference course, IReadOnlyList<UserRequest> requests, CancellationToken ct = default)
    {
        if (course is null) throw new ArgumentNullException(nameof(course));
        if (requests is null) throw new ArgumentNullException(nameof(requests));
        var answers = await UserFallbackQuery.RunAsync(_client, requests, (user, i) => new BatchOperation(CompletionField, false,
            new[]
            {
                new BatchArgument("query", "core_completion_get_course_completion_input!",
                    new Dictionary<string, object?> { ["user"] = user.ToInput(), ["course"] = course.ToInput() }),
            },
            CourseCompletionData.Selection, i), ct).ConfigureAwait(false);
        return answers.Select((a, i) => new CourseCompletionResult(requests[i], a.Tried,
            a.Error is null && a.Data is { ValueKind: JsonValueKind.Object } data ? CourseCompletionData.FromJson(data) : null,
            a.Error ?? (a.Data is null ? new TotaraGraphQLError($"The site returned no completion data for {a.Tried}.", "no_answer", null, null) : null),
            a.UserNotFound)).ToList();
    }

    private static BatchOperation TestOperation(CourseReference course, UserReference user, int index) =>
        new(EnrolledField, false, Arguments(course, user), "user_currently_enrolled", index);

    internal BatchOperation EnrolOperation(CourseReference course, UserReference user, EnrolmentSettings? settings, int index)
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal) { ["user"] = user.ToInput(), ["course"] = course.ToInput() };
        settings?.AddTo(input);
        return new BatchOperation(EnrolField, true, new[] { new BatchArgument("input", "enrol_manual_enrol_user_input!", input) }, EnrolSelection, index)
        {
            // Enrolled now means it ran. A suspended enrolment does not count as enrolled: then it is
            // sent again, which Totara applies as an update of the same enrolment, never a second one.
            RecoverAfterLostAnswer = async ct => await IsEnrolledAsync(course, user, ct).ConfigureAwait(false) ? AppliedAnswer : null,
        }.WithReadBack(user);
    }

    internal BatchOperation UnenrolOperation(CourseReference course, UserReference user, int index) =>
        new BatchOperation(UnenrolField, true,
            new[] { new BatchArgument("input", "enrol_manual_unenrol_user_input!", new Dictionary<string, object?> { ["user"] = user.ToInput(), ["course"] = course.ToInput() }) },
            UnenrolSelection, index)
        {
            RecoverAfterLostAnswer = async ct => await IsEnrolledAsync(course, user, ct).ConfigureAwait(false) ? null : AppliedAnswer,
        }.WithReadBack(user);

    private async Task<bool> IsEnrolledAsync(CourseReference course, UserReference user, CancellationToken ct)
    {
        await foreach (var item in _client.ExecuteBatchAsync(new[] { TestOperation(course, user, 0) }, ct).ConfigureAwait(false))
        {
            if (!item.Succeeded) throw new TotaraException($"Checking {user}'s enrolment in course {course} failed: {item.Error!.Explanation}", item.Error.Category);
            return Flag(item.Data, "user_currently_enrolled");
        }
        throw new TotaraException($"Checking {user}'s enrolment in course {course} gave no answer.");
    }

    /// <summary>
    /// The outcome from the mutation's answer; an answer settled by a check (no flags) falls back
    /// on what the test before it found.
    /// </summary>
    private static CourseEnrolmentResult FromAnswer(UserRequest request, UserReference tried, bool enrol, bool enrolledBefore, JsonElement? answer)
    {
        var data = answer is { ValueKind: JsonValueKind.Object } d ? d : default;
        long? userId = null;
        string? username = null;
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object)
        {
            userId = JsonValues.Long(user, "id");
            username = JsonValues.Text(user, "username");
        }
        if (!enrol)
        {
            var had = JsonValues.Bool(data, "user_had_manual_enrolment") ?? true;
            return new CourseEnrolmentResult(request, tried, had ? CourseEnrolmentOutcome.Unenrolled : CourseEnrolmentOutcome.NotManuallyEnrolled, userId, username, null, false);
        }

        var already = JsonValues.Bool(data, "was_already_enrolled") ?? enrolledBefore;
        DateTimeOffset? start = null, end = null;
        string? status = null, role = null;
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("enrolment", out var enrolment) && enrolment.ValueKind == JsonValueKind.Object)
        {
            start = JsonValues.Timestamp(enrolment, "timestart");
            end = JsonValues.Timestamp(enrolment, "timeend");
            status = JsonValues.Text(enrolment, "status");
        }
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.Object)
            role = JsonValues.Text(r, "shortname");
        return new CourseEnrolmentResult(request, tried, already ? CourseEnrolmentOutcome.AlreadyEnrolled : CourseEnrolmentOutcome.Enrolled,
            userId, username, null, false, start, end, status, role);
    }

    private static IReadOnlyList<BatchArgument> Arguments(CourseReference course, UserReference user) => new[]
    {
        new BatchArgument("course", "core_course_course_reference!", course.ToInput()),
        new BatchArgument("user", "core_user_user_reference!", user.ToInput()),
    };

    private static bool Flag(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    // The data of a mutation settled by a check: it ran, but what it returned is gone.
    private static readonly JsonElement AppliedAnswer = JsonValues.Parse("{\"success\":true}");

    // Query 5 + 1 flag; enrol 10 + user 3 + role 2 + enrolment 4 + 2 flags; unenrol 10 + user 3 + 2 flags.
    private static int Cost(CourseEnrolmentAction action) => action switch
    {
        CourseEnrolmentAction.Test => 6,
        CourseEnrolmentAction.Enrol => 21,
        _ => 15,
    };
}
