using System.Text.Json;
using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Jobs;

/// <summary>
/// totara_job_job_assignments, totara_job_create/update/delete_job_assignment and the
/// totara_job_job_assignment type.
/// </summary>
public sealed class JobResolvers : IResolverModule
{
    public const int DefaultPageSize = 20;

    public void Register(TypeSettings types, EmulatorState state)
    {
        var service = new JobAssignmentService(state);
        types.Root("Query", "totara_job_job_assignments", ctx => List(state.Jobs, ctx.ObjectArgument("query")));
        types.Root("Mutation", "totara_job_create_job_assignment", ctx =>
            new JobResult(service.Create(ctx.ObjectArgument("input") ?? new Dictionary<string, object?>())));
        types.Root("Mutation", "totara_job_update_job_assignment", ctx =>
            new JobResult(service.Update(ctx.ObjectArgument("target_job"), ctx.ObjectArgument("input") ?? new Dictionary<string, object?>())));
        types.Root("Mutation", "totara_job_delete_job_assignment", ctx => new DeletedJob(service.Delete(ctx.ObjectArgument("target_job"))));

        types.For("totara_job_create_job_assignment_result").Field<JobResult>("job_assignment", r => r.Job);
        types.For("totara_job_update_job_assignment_result").Field<JobResult>("job_assignment", r => r.Job);
        types.For("totara_job_delete_job_assignment_result").Field<DeletedJob>("job_assignment_id", r => r.Id);

        var page = types.For("totara_job_job_assignments_result");
        page.IsTypeOfFunc = o => o is PageResult<JobAssignmentRecord>;
        page.Field<PageResult<JobAssignmentRecord>>("items", p => p.Items);
        page.Field<PageResult<JobAssignmentRecord>>("total", p => p.Total);
        page.Field<PageResult<JobAssignmentRecord>>("next_cursor", p => p.NextCursor);

        var job = types.For("totara_job_job_assignment");
        job.Field<JobAssignmentRecord>("id", j => j.Id);
        job.Field<JobAssignmentRecord>("userid", j => j.UserId);
        job.Field<JobAssignmentRecord>("user", j => state.Users.GetById(j.UserId));
        job.Text<JobAssignmentRecord>("fullname", j => j.DisplayFullName);
        job.Text<JobAssignmentRecord>("shortname", j => j.ShortName);
        job.Field<JobAssignmentRecord>("idnumber", j => j.IdNumber);
        job.Text<JobAssignmentRecord>("description", j => j.Description);
        job.Date<JobAssignmentRecord>("startdate", j => j.StartDate);
        job.Date<JobAssignmentRecord>("enddate", j => j.EndDate);
        job.Field<JobAssignmentRecord>("positionid", j => j.PositionId);
        job.Field<JobAssignmentRecord>("position", j => state.Positions.Get(j.PositionId));
        job.Field<JobAssignmentRecord>("organisationid", j => j.OrganisationId);
        job.Field<JobAssignmentRecord>("organisation", j => state.Organisations.Get(j.OrganisationId));
        job.Field<JobAssignmentRecord>("managerjaid", j => j.ManagerJaId);
        job.Field<JobAssignmentRecord>("managerja", j => state.Jobs.Get(j.ManagerJaId));
        job.Field<JobAssignmentRecord>("tempmanagerjaid", j => j.TempManagerJaId);
        job.Field<JobAssignmentRecord>("tempmanagerja", j => state.Jobs.Get(j.TempManagerJaId));
        job.Date<JobAssignmentRecord>("tempmanagerexpirydate", j => j.TempManagerExpiryDate);
        job.Field<JobAssignmentRecord>("appraiserid", j => j.AppraiserId);
        job.Field<JobAssignmentRecord>("appraiser", j => j.AppraiserId is { } id ? state.Users.GetById(id) : null);
        job.Field<JobAssignmentRecord>("staffcount", j => state.Jobs.StaffCount(j.Id));
        job.Field<JobAssignmentRecord>("tempstaffcount", j => state.Jobs.TempStaffCount(j.Id));
    }

    private static PageResult<JobAssignmentRecord> List(JobAssignmentStore jobs, IReadOnlyDictionary<string, object?>? query)
    {
        var descending = false;
        if (GraphInput.Get(query, "sort") is IEnumerable<object?> sorts && sorts.Select(GraphInput.AsObject).FirstOrDefault() is { } sort)
        {
            if (!string.Equals(GraphInput.String(sort, "column")?.Trim(), "id", StringComparison.OrdinalIgnoreCase))
            {
                throw new TotaraApiException("Coding error detected, it must be fixed by a programmer: sort field must be one of these: id");
            }

            descending = string.Equals(GraphInput.String(sort, "direction"), "DESC", StringComparison.OrdinalIgnoreCase);
        }

        var pagination = GraphInput.AsObject(GraphInput.Get(query, "pagination"));
        var limit = (int)Math.Max(1, GraphInput.Long(pagination, "limit") ?? DefaultPageSize);
        long? afterId = null;
        var cursorText = GraphInput.String(pagination, "cursor");
        if (!string.IsNullOrEmpty(cursorText))
        {
            var cursor = PageCursor.Decode(cursorText);
            limit = cursor.Limit > 0 ? cursor.Limit : limit;
            afterId = cursor.Columns.TryGetValue("id", out var id) && id.ValueKind == JsonValueKind.Number
                ? id.GetInt64()
                : throw new TotaraApiException(PageCursor.InvalidCursor);
        }

        var window = jobs.Page(afterId, descending, limit + 1);
        var hasMore = window.Count > limit;
        var items = hasMore ? window.GetRange(0, limit) : window;
        var next = hasMore ? PageCursor.Encode(limit, new Dictionary<string, object?> { ["id"] = items[^1].Id }) : "";
        return new PageResult<JobAssignmentRecord>(items, jobs.Count, next);
    }

    private sealed record JobResult(JobAssignmentRecord Job);

    private sealed record DeletedJob(long Id);
}
