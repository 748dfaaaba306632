using System.Collections.Generic;

namespace Totara.Client.Handshake;

/// <summary>
/// The operations of the Totara 18 external API reference (18 queries, 17 mutations), with the
/// required-looking arguments each declares, so a never-executed probe of it validates.
/// </summary>
internal static class KnownOperations
{
    public static readonly IReadOnlyList<KnownOperation> All = new[]
    {
        Query("bi_intellidata_data_files", ("input", "bi_intellidata_data_files_input")),
        Query("bi_intellidata_dbschema_custom"),
        Query("bi_intellidata_dbschema_unified"),
        Query("bi_intellidata_export_logs"),
        Query("bi_intellidata_live_data", ("input", "bi_intellidata_live_data_input!")),
        Query("bi_intellidata_plugin_config"),
        Query("bi_intellidata_validate_credentials", ("input", "bi_intellidata_validate_credentials_input!")),
        Query("core_cohort_is_user_member", ("user", "core_user_user_reference!"), ("cohort", "core_cohort_cohort_reference!")),
        Query("core_cohort_static_cohorts", ("query", "core_cohort_static_cohorts_query")),
        Query("core_completion_get_course_completion", ("query", "core_completion_get_course_completion_input!")),
        Query("core_course_courses", ("query", "core_course_courses_query")),
        Query("core_course_is_user_enrolled", ("course", "core_course_course_reference!"), ("user", "core_user_user_reference!")),
        Query("core_user_user", ("reference", "core_user_user_reference!")),
        Query("core_user_users", ("query", "core_user_users_query")),
        Query("perform_goal_user_goals", ("input", "perform_goal_user_goals_input!")),
        Query("perform_goal_view_goal", ("goal_reference", "perform_goal_reference!")),
        Query("totara_job_job_assignments", ("query", "totara_job_job_assignments_query")),
        Query("totara_webapi_status"),

        Mutation("bi_intellidata_enable_processing", ("input", "bi_intellidata_enable_processing_input!")),
        Mutation("bi_intellidata_export_data"),
        Mutation("bi_intellidata_set_datatype", ("input", "bi_intellidata_set_datatype_input!")),
        Mutation("core_cohort_add_cohort_member", ("user", "core_user_user_reference!"), ("cohort", "core_cohort_cohort_reference!")),
        Mutation("core_cohort_remove_cohort_member", ("user", "core_user_user_reference!"), ("cohort", "core_cohort_cohort_reference!")),
        Mutation("core_user_create_user", ("input", "core_user_create_user_input!")),
        Mutation("core_user_delete_user", ("target_user", "core_user_user_reference!")),
        Mutation("core_user_update_user", ("target_user", "core_user_user_reference!"), ("input", "core_user_update_user_input!")),
        Mutation("enrol_manual_enrol_user", ("input", "enrol_manual_enrol_user_input!")),
        Mutation("enrol_manual_unenrol_user", ("input", "enrol_manual_unenrol_user_input!")),
        Mutation("perform_goal_create_goal", ("input", "perform_goal_create_input!")),
        Mutation("perform_goal_delete_goal", ("goal_reference", "perform_goal_reference!")),
        Mutation("perform_goal_update_goal", ("goal_reference", "perform_goal_reference!"), ("input", "perform_goal_update_input!")),
        Mutation("perform_goal_update_progress", ("goal_reference", "perform_goal_reference!"), ("input", "perform_goal_update_progress_input!")),
        Mutation("totara_job_create_job_assignment", ("input", "totara_job_create_job_assignment_input!")),
        Mutation("totara_job_delete_job_assignment", ("target_job", "totara_job_job_assignment_reference!")),
        Mutation("totara_job_update_job_assignment", ("target_job", "totara_job_job_assignment_reference!"), ("input", "totara_job_update_job_assignment_input!")),
    };

    private static KnownOperation Query(string field, params (string Name, string Type)[] arguments) => new(field, false, arguments);

    private static KnownOperation Mutation(string field, params (string Name, string Type)[] arguments) => new(field, true, arguments);
}

internal sealed class KnownOperation
{
    public KnownOperation(string field, bool isMutation, (string Name, string Type)[] arguments)
    {
        Field = field;
        IsMutation = isMutation;
        Arguments = arguments;
    }

    public string Field { get; }

    public bool IsMutation { get; }

    public IReadOnlyList<(string Name, string Type)> Arguments { get; }

    public override string ToString() => Field;
}
