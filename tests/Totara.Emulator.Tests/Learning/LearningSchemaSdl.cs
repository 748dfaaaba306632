namespace Totara.Emulator.Tests.Learning;

/// <summary>Test-only transcription of the learning part of the Totara 18 API reference.</summary>
internal static class LearningSchemaSdl
{
    public const string Text = """
        scalar core_id
        scalar core_date
        scalar param_integer

        enum core_date_format { TIMESTAMP ISO8601 DAYDATETIME TIME TIMESHORT DATE DATESHORT DATELONG DATETIME DATETIMESHORT DATETIMELONG DATETIMESECONDS }
        enum core_format { RAW HTML PLAIN MARKDOWN JSON_EDITOR MOBILE }
        enum core_sort_direction_enum { ASC DESC }
        enum core_enrol_status_enum { ENROL_INSTANCE_ENABLED ENROL_INSTANCE_DISABLED ENROL_INSTANCE_DELETED }
        enum core_user_enrolment_status_enum { ENROL_USER_ACTIVE ENROL_USER_SUSPENDED }

        type Query {
          core_course_courses(query: core_course_courses_query): core_course_courses_result!
          core_course_is_user_enrolled(course: core_course_course_reference!, user: core_user_user_reference!): core_course_is_user_enrolled_result!
          core_completion_get_course_completion(query: core_completion_get_course_completion_input!): core_completion_get_course_completion_result!
          perform_goal_user_goals(input: perform_goal_user_goals_input!): perform_goal_user_goals_result!
          perform_goal_view_goal(goal_reference: perform_goal_reference!): perform_goal_view_result!
          bi_intellidata_live_data(input: bi_intellidata_live_data_input!): bi_intellidata_live_data_result!
          bi_intellidata_validate_credentials(input: bi_intellidata_validate_credentials_input!): bi_intellidata_validate_credentials_result!
          bi_intellidata_plugin_config: bi_intellidata_plugin_config_result!
          bi_intellidata_data_files(input: bi_intellidata_data_files_input): bi_intellidata_data_files_result!
          bi_intellidata_dbschema_custom: bi_intellidata_dbschema_custom_result!
          bi_intellidata_dbschema_unified: bi_intellidata_dbschema_unified_result!
          bi_intellidata_export_logs: bi_intellidata_export_logs_result!
        }

        type Mutation {
          enrol_manual_enrol_user(input: enrol_manual_enrol_user_input!): enrol_manual_enrol_user_result!
          enrol_manual_unenrol_user(input: enrol_manual_unenrol_user_input!): enrol_manual_unenrol_user_result!
          perform_goal_create_goal(input: perform_goal_create_input!): perform_goal_crud_result!
          perform_goal_update_goal(goal_reference: perform_goal_reference!, input: perform_goal_update_input!): perform_goal_crud_result!
          perform_goal_update_progress(goal_reference: perform_goal_reference!, input: perform_goal_update_progress_input!): perform_goal_update_progress_result!
          perform_goal_delete_goal(goal_reference: perform_goal_reference!): perform_goal_delete_result!
          bi_intellidata_set_datatype(input: bi_intellidata_set_datatype_input!): bi_intellidata_set_datatype_result!
          bi_intellidata_enable_processing(input: bi_intellidata_enable_processing_input!): bi_intellidata_enable_processing_result!
          bi_intellidata_export_data: bi_intellidata_export_data_result!
        }

        input core_pagination_input { cursor: String limit: param_integer page: param_integer }
        input core_sort_input { column: String! direction: core_sort_direction_enum }
        input core_user_user_reference { id: core_id username: String idnumber: String email: String }
        input core_course_course_reference { id: core_id idnumber: String shortname: String }
        input core_role_role_reference { id: core_id shortname: String }
        input core_course_courses_filters { since_timecreated: core_date since_timemodified: core_date tag_filter: String }
        input core_course_courses_query { pagination: core_pagination_input sort: [core_sort_input!] filters: core_course_courses_filters }
        input core_completion_get_course_completion_input { user: core_user_user_reference! course: core_course_course_reference! }
        input enrol_manual_enrol_user_input { user: core_user_user_reference! course: core_course_course_reference! role: core_role_role_reference timestart: core_date timeend: core_date suspended: Boolean }
        input enrol_manual_unenrol_user_input { user: core_user_user_reference! course: core_course_course_reference! }
        input perform_goal_reference { id: core_id id_number: String }
        input perform_goal_create_input { context_id: core_id owner: core_user_user_reference user: core_user_user_reference name: String! id_number: String description: String start_date: core_date! target_type: String target_date: core_date! target_value: Float! current_value: Float status: String plugin_name: String }
        input perform_goal_update_input { name: String id_number: String description: String start_date: core_date target_type: String target_date: core_date target_value: Float }
        input perform_goal_update_progress_input { status: String! current_value: Float! }
        input perform_goal_user_goals_filter { user: core_user_user_reference }
        input perform_goal_user_goals_input { filters: perform_goal_user_goals_filter pagination: core_pagination_input }
        input bi_intellidata_live_data_input { datatype: String! }
        input bi_intellidata_validate_credentials_input { code: String! }
        input bi_intellidata_set_datatype_input { datatypes: [String!]! exportfiles: Int callbackurl: String }

        type core_user { id: core_id! username: String fullname: String }

        type core_category {
          id: core_id! name(format: core_format = HTML): String! idnumber: String full_path(format: core_format = HTML): String
          parent: core_category children: [core_category!]! depth: Int courses: [core_course!]! coursecount: Int!
          timemodified(format: core_date_format = TIMESTAMP): core_date
        }

        type core_course {
          id: core_id! idnumber: String fullname(format: core_format = HTML): String! shortname(format: core_format = HTML): String!
          summary(format: core_format = HTML): String timecreated(format: core_date_format = TIMESTAMP): core_date
          timemodified(format: core_date_format = TIMESTAMP): core_date category: core_category categoryid: core_id
          startdate(format: core_date_format = TIMESTAMP): core_date format: String modcount: Int completionenabled: Boolean!
          url: String! course_format: core_course_format! sections: [core_course_section!]!
        }

        type core_course_format { format: String! name: String! has_course_view_page: Boolean! }
        type core_course_section { id: core_id! title: String modules: [core_course_module] }
        type core_course_module { id: core_id! modtype: String! name: String! }
        type core_course_courses_result { items: [core_course]! total: Int! next_cursor: String! }
        type core_course_is_user_enrolled_result { user_currently_enrolled: Boolean! }
        type core_course_completion { id: Int status: String statuskey: String progress: Float timecompleted(format: core_date_format = TIMESTAMP): core_date gradefinal: Float grademax: Float gradepercentage: Float }
        type core_completion_get_course_completion_result { user: core_user! course: core_course! completion: core_course_completion }
        type core_role { id: core_id! name: String shortname: String description: String }
        type core_enrol { id: core_id! enrol: String! status: core_enrol_status_enum! course: core_course! sortorder: Int! }
        type core_user_enrolment {
          id: core_id! enrolment: core_enrol! status: core_user_enrolment_status_enum! timestart(format: core_date_format = TIMESTAMP): core_date!
          timeend(format: core_date_format = TIMESTAMP): core_date modified_by: core_user!
        }
        type enrol_manual_enrol_user_result { user: core_user! course: core_course! role: core_role! enrolment: core_user_enrolment! success: Boolean! was_already_enrolled: Boolean! }
        type enrol_manual_unenrol_user_result { user: core_user! course: core_course! success: Boolean! user_had_manual_enrolment: Boolean! }

        type perform_goal_status { id: String! label: String! }
        type perform_goal_permissions { can_manage: Boolean! can_update_status: Boolean! }
        type perform_goal_goal {
          id: core_id context_id: core_id owner: core_user user: core_user name: String id_number: String description(format: core_format = HTML): String
          assignment_type: String! plugin_name: String! start_date(format: core_date_format = TIMESTAMP): core_date target_type: String
          target_date(format: core_date_format = TIMESTAMP): core_date target_value: Float current_value: Float status: perform_goal_status
          closed_at(format: core_date_format = TIMESTAMP): core_date created_at(format: core_date_format = TIMESTAMP): core_date
        }
        type perform_goal_goal_raw_data { available_statuses: [perform_goal_status!]! description(format: core_format = HTML): String }
        type perform_goal_crud_result { goal: perform_goal_goal! raw: perform_goal_goal_raw_data! permissions: perform_goal_permissions! }
        type perform_goal_view_result { goal: perform_goal_goal raw: perform_goal_goal_raw_data permissions: perform_goal_permissions }
        type perform_goal_delete_result { success: Boolean! }
        type perform_goal_update_progress_result { current_value: Float status: perform_goal_status! }
        type perform_goal_user_goals_result_item { goal: perform_goal_goal! permissions: perform_goal_permissions! }
        type perform_goal_user_goals_result { items: [perform_goal_user_goals_result_item] total: Int! next_cursor: String! }

        type bi_intellidata_live_data_result { data: String! }
        type bi_intellidata_validate_credentials_result { data: String! }
        type bi_intellidata_set_datatype_result { data: String! }
        type bi_intellidata_moodleconfig { version: String release: String dbtype: String moodleworkplace: String totaraversion: String }
        type bi_intellidata_cronconfig { id: Int! component: String classname: String nextruntime(format: core_date_format = TIMESTAMP): core_date }
        type bi_intellidata_pluginconfig_setting { type: String! subtype: String! title: String! name: String! grouptitle: String value: String! }
        type bi_intellidata_pluginconfig { title: String! items: [bi_intellidata_pluginconfig_setting!]! }
        type bi_intellidata_plugin_config_result { moodleconfig: bi_intellidata_moodleconfig! cronconfig: [bi_intellidata_cronconfig]! pluginconfig: bi_intellidata_pluginconfig! pluginversion: String! }
        input bi_intellidata_data_files_input { datatype: String timestart: core_date timeend: core_date }
        input bi_intellidata_enable_processing_input { status: String! callbackurl: String }
        type bi_intellidata_enable_processing_result { data: String! }
        type bi_intellidata_data_files_file_instance { filename: String! filearea: String! itemid: Int! filepath: String! mimetype: String filesize: Int! timemodified(format: core_date_format = TIMESTAMP): core_date isexternalfile: Boolean! fileurl: String! repositorytype: String }
        type bi_intellidata_data_files_file { datatype: String! files: [bi_intellidata_data_files_file_instance]! migration_files: [bi_intellidata_data_files_file_instance]! }
        type bi_intellidata_data_files_metadata { lastmigrationdate(format: core_date_format = TIMESTAMP): core_date! lastexportdate(format: core_date_format = TIMESTAMP): core_date! pluginversion: String! }
        type bi_intellidata_data_files_result { items: [bi_intellidata_data_files_file]! metadata: bi_intellidata_data_files_metadata! }
        type bi_intellidata_export_data_result { items: [bi_intellidata_data_files_file]! metadata: bi_intellidata_data_files_metadata! }
        type bi_intellidata_dbschema_custom_table_field { type: String! name: String! has_default: Boolean max_length: Int primary_key: Boolean not_null: Boolean auto_increment: Boolean default_value: String }
        type bi_intellidata_dbschema_custom_table_key { name: String! fields: [String!]! reftable: String reffields: [String]! }
        type bi_intellidata_dbschema_custom_table { name: String! fields: [bi_intellidata_dbschema_custom_table_field!]! plugintype: String plugin: String keys: [bi_intellidata_dbschema_custom_table_key]! }
        type bi_intellidata_dbschema_custom_result { items: [bi_intellidata_dbschema_custom_table]! }
        type bi_intellidata_dbschema_unified_table_field { field_name: String type: String description: String default: String null: Boolean }
        type bi_intellidata_dbschema_unified_table { name: String! fields: [bi_intellidata_dbschema_unified_table_field!]! }
        type bi_intellidata_dbschema_unified_result { items: [bi_intellidata_dbschema_unified_table!]! }
        type bi_intellidata_export_logs_log { id: core_id! datatype: String last_exported_time(format: core_date_format = TIMESTAMP): core_date last_exported_id: core_id migrated: Int timestart(format: core_date_format = TIMESTAMP): core_date recordsmigrated: Int recordscount: Int tabletype: Int timecreated(format: core_date_format = TIMESTAMP): core_date timemodified(format: core_date_format = TIMESTAMP): core_date usermodified: Int }
        type bi_intellidata_export_logs_result { items: [bi_intellidata_export_logs_log]! }
        """;
}
