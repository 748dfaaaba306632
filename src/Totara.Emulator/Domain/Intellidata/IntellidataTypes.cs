using GraphQL.Utilities;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Intellidata;

/// <summary>Field resolvers of the bi_intellidata_* output types.</summary>
public static class IntellidataTypes
{
    public static void Register(TypeSettings types)
    {
        foreach (var name in new[] { "bi_intellidata_data_files_result", "bi_intellidata_export_data_result" })
        {
            var result = types.For(name);
            result.Field<DataFilesResult>("items", r => r.Items);
            result.Field<DataFilesResult>("metadata", r => r);
        }

        var metadata = types.For("bi_intellidata_data_files_metadata");
        metadata.Date<DataFilesResult>("lastmigrationdate", r => r.LastMigrationDate);
        metadata.Date<DataFilesResult>("lastexportdate", r => r.LastExportDate);
        metadata.Field<DataFilesResult>("pluginversion", r => r.PluginVersion);

        var group = types.For("bi_intellidata_data_files_file");
        group.Field<DataFileGroup>("datatype", g => g.Datatype);
        group.Field<DataFileGroup>("files", g => g.Files);
        group.Field<DataFileGroup>("migration_files", g => g.MigrationFiles);

        var file = types.For("bi_intellidata_data_files_file_instance");
        file.Field<DataFile>("filename", f => f.FileName);
        file.Field<DataFile>("filearea", f => f.FileArea);
        file.Field<DataFile>("itemid", f => f.ItemId);
        file.Field<DataFile>("filepath", f => f.FilePath);
        file.Field<DataFile>("mimetype", f => f.MimeType);
        file.Field<DataFile>("filesize", f => f.FileSize);
        file.Date<DataFile>("timemodified", f => f.TimeModified);
        file.Field<DataFile>("isexternalfile", f => false);
        file.Field<DataFile>("fileurl", f => f.FileUrl);
        file.Field<DataFile>("repositorytype", f => null);

        RegisterSchemas(types);
        RegisterConfig(types);
        RegisterLogs(types.For("bi_intellidata_export_logs_log"));
    }

    private static void RegisterSchemas(TypeSettings types)
    {
        var custom = types.For("bi_intellidata_dbschema_custom_table");
        custom.Field<CustomTable>("name", t => t.Name);
        custom.Field<CustomTable>("fields", t => t.Fields);
        custom.Field<CustomTable>("plugintype", t => t.PluginType);
        custom.Field<CustomTable>("plugin", t => t.Plugin);
        custom.Field<CustomTable>("keys", t => t.Keys);

        var field = types.For("bi_intellidata_dbschema_custom_table_field");
        field.Field<CustomField>("type", f => f.Type);
        field.Field<CustomField>("name", f => f.Name);
        field.Field<CustomField>("has_default", f => f.HasDefault);
        field.Field<CustomField>("max_length", f => f.MaxLength);
        field.Field<CustomField>("primary_key", f => f.PrimaryKey);
        field.Field<CustomField>("not_null", f => f.NotNull);
        field.Field<CustomField>("auto_increment", f => f.AutoIncrement);
        field.Field<CustomField>("default_value", f => f.DefaultValue);

        var key = types.For("bi_intellidata_dbschema_custom_table_key");
        key.Field<CustomKey>("name", k => k.Name);
        key.Field<CustomKey>("fields", k => k.Fields);
        key.Field<CustomKey>("reftable", k => k.RefTable);
        key.Field<CustomKey>("reffields", k => k.RefFields);

        var unified = types.For("bi_intellidata_dbschema_unified_table");
        unified.Field<UnifiedTable>("name", t => t.Name);
        unified.Field<UnifiedTable>("fields", t => t.Fields);

        var unifiedField = types.For("bi_intellidata_dbschema_unified_table_field");
        unifiedField.Field<UnifiedField>("field_name", f => f.FieldName);
        unifiedField.Field<UnifiedField>("type", f => f.Type);
        unifiedField.Field<UnifiedField>("description", f => f.Description);
        unifiedField.Field<UnifiedField>("default", f => f.Default);
        unifiedField.Field<UnifiedField>("null", f => f.Null);
    }

    private static void RegisterConfig(TypeSettings types)
    {
        var config = types.For("bi_intellidata_plugin_config_result");
        config.Field<PluginConfig>("moodleconfig", c => IntellidataCatalog.Moodle);
        config.Field<PluginConfig>("cronconfig", c => IntellidataCatalog.Cron);
        config.Field<PluginConfig>("pluginconfig", c => c.Store);
        config.Field<PluginConfig>("pluginversion", c => IntellidataStore.PluginVersion);

        var moodle = types.For("bi_intellidata_moodleconfig");
        moodle.Field<MoodleConfig>("version", m => m.Version);
        moodle.Field<MoodleConfig>("release", m => m.Release);
        moodle.Field<MoodleConfig>("dbtype", m => m.DbType);
        moodle.Field<MoodleConfig>("moodleworkplace", m => m.MoodleWorkplace);
        moodle.Field<MoodleConfig>("totaraversion", m => m.TotaraVersion);

        var cron = types.For("bi_intellidata_cronconfig");
        cron.Field<CronTask>("id", t => t.Id);
        cron.Field<CronTask>("component", t => t.Component);
        cron.Field<CronTask>("classname", t => t.ClassName);
        cron.Date<CronTask>("lastruntime", t => t.LastRunTime);
        cron.Date<CronTask>("nextruntime", t => t.NextRunTime);
        cron.Field<CronTask>("blocking", t => "0");
        cron.Field<CronTask>("minute", t => t.Minute);
        cron.Field<CronTask>("hour", t => t.Hour);
        cron.Field<CronTask>("day", t => "*");
        cron.Field<CronTask>("month", t => "*");
        cron.Field<CronTask>("dayofweek", t => "*");
        cron.Field<CronTask>("faildelay", t => "0");
        cron.Field<CronTask>("disabled", t => t.Disabled);
        cron.Field<CronTask>("customised", t => 0);

        var plugin = types.For("bi_intellidata_pluginconfig");
        plugin.Field<IntellidataStore>("title", s => "IntelliBoard Data Export");
        plugin.Field<IntellidataStore>("items", s => IntellidataCatalog.Settings
            .Select(x => x.Name == "enabled" ? x with { Value = s.ProcessingStatus.ToString(System.Globalization.CultureInfo.InvariantCulture) } : x)
            .ToList());

        var setting = types.For("bi_intellidata_pluginconfig_setting");
        setting.Field<PluginSetting>("type", s => s.Type);
        setting.Field<PluginSetting>("subtype", s => s.SubType);
        setting.Field<PluginSetting>("title", s => s.Title);
        setting.Field<PluginSetting>("name", s => s.Name);
        setting.Field<PluginSetting>("grouptitle", s => s.GroupTitle);
        setting.Field<PluginSetting>("value", s => s.Value);
    }

    private static void RegisterLogs(TypeConfig log)
    {
        log.Field<ExportLog>("id", l => l.Id);
        log.Field<ExportLog>("datatype", l => l.Datatype);
        log.Date<ExportLog>("last_exported_time", l => l.LastExportedTime);
        log.Field<ExportLog>("last_exported_id", l => l.LastExportedId == 0 ? null : l.LastExportedId);
        log.Field<ExportLog>("migrated", l => l.Migrated);
        log.Date<ExportLog>("timestart", l => l.TimeStart);
        log.Field<ExportLog>("recordsmigrated", l => l.RecordsMigrated);
        log.Field<ExportLog>("recordscount", l => l.RecordsCount);
        log.Field<ExportLog>("tabletype", l => l.TableType);
        log.Date<ExportLog>("timecreated", l => l.TimeCreated);
        log.Date<ExportLog>("timemodified", l => l.TimeModified);
        log.Field<ExportLog>("usermodified", l => l.UserModified);
    }
}
