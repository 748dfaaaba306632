namespace Totara.Emulator.Domain.Intellidata;

/// <summary>One row of the IntelliBoard plugin's export log (bi_intellidata_export_log).</summary>
public sealed class ExportLog
{
    public long Id { get; init; }
    public string Datatype { get; init; } = "";
    public long LastExportedTime { get; set; }
    public long LastExportedId { get; set; }
    public int Migrated { get; set; } = 1;
    public long TimeStart { get; set; }
    public int RecordsMigrated { get; set; }
    public int RecordsCount { get; set; }

    /// <summary>0 = required table, 1 = optional (custom) table, 2 = logs.</summary>
    public int TableType { get; init; }
    public long TimeCreated { get; init; }
    public long TimeModified { get; set; }
    public long UserModified { get; set; }
}

/// <summary>
/// The IntelliBoard (bi_intellidata) plugin's state on the emulated site: the client identifier
/// IntelliBoard must present, whether processing is enabled, and the export logs.
/// </summary>
public sealed class IntellidataStore
{
    public const string PluginVersion = "2024092600";
    public const string DefaultClientIdentifier = "ib-demo-client-7c41";

    /// <summary>The tables IntelliBoard always exports (its "required tables").</summary>
    public static readonly IReadOnlyList<string> RequiredDatatypes = new[]
    {
        "users", "categories", "courses", "roles", "enrolments", "coursecompletions", "userlogins",
    };

    private readonly object _gate = new();
    private readonly List<ExportLog> _logs = new();

    public IntellidataStore()
    {
        // A site whose initial migration finished on 1 November 2026.
        const long migrated = 1_793_577_600;
        foreach (var datatype in RequiredDatatypes)
        {
            AddLog(datatype, 0, migrated);
        }

        LastMigrationDate = migrated;
        LastExportDate = migrated + 86_400 * 21;
    }

    public string ClientIdentifier { get; set; } = DefaultClientIdentifier;

    public int ProcessingStatus { get; private set; } = 1;

    public string? CallbackUrl { get; private set; }

    public long LastMigrationDate { get; private set; }

    public long LastExportDate { get; private set; }

    public List<ExportLog> Logs()
    {
        lock (_gate)
        {
            return _logs.ToList();
        }
    }

    public void SetProcessing(int status, string? callbackUrl)
    {
        lock (_gate)
        {
            ProcessingStatus = status;
            CallbackUrl = callbackUrl ?? CallbackUrl;
        }
    }

    /// <summary>Adds a custom table to the export, or resets its log when it is already there.</summary>
    public void SetDatatype(string datatype, long now, long actorId)
    {
        lock (_gate)
        {
            var existing = _logs.FirstOrDefault(l => l.Datatype == datatype);
            if (existing is null)
            {
                AddLog(datatype, 1, now).UserModified = actorId;
                return;
            }

            existing.LastExportedId = 0;
            existing.LastExportedTime = 0;
            existing.Migrated = 2;
            existing.TimeModified = now;
            existing.UserModified = actorId;
        }
    }

    public void MarkExported(long now)
    {
        lock (_gate)
        {
            LastExportDate = now;
            foreach (var log in _logs)
            {
                log.LastExportedTime = now;
            }
        }
    }

    private ExportLog AddLog(string datatype, int tableType, long time)
    {
        var log = new ExportLog
        {
            Id = _logs.Count + 1,
            Datatype = datatype,
            TableType = tableType,
            LastExportedTime = tableType == 0 ? time : 0,
            Migrated = tableType == 0 ? 1 : 2,
            TimeStart = time,
            TimeCreated = time,
            TimeModified = time,
        };
        _logs.Add(log);
        return log;
    }
}
