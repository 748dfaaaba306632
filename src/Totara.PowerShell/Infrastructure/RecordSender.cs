using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// What one area does with its records for <see cref="BatchingCmdlet{TRecord}"/>: how many make a
/// request, how a batch is sent (settling each record's result), how a settled record is written,
/// and which keys must be unique. The base does the rest: pipeline, -WhatIf, batches in flight,
/// input order, progress and Ctrl+C.
/// </summary>
/// <remarks>
/// Cmdlets of one area that share no parameters still share this, so no base class is needed
/// only for behaviour (at most four levels from PSCmdlet to a cmdlet).
/// </remarks>
internal abstract class RecordSender<TRecord> where TRecord : BatchRecord
{
    /// <summary>How many records make one batch.</summary>
    public abstract int BatchSize(TotaraSession session);

    /// <summary>Sends one batch; settles every record's result (off the pipeline thread: no writing here).</summary>
    public abstract Task SendAsync(TotaraSession session, IReadOnlyList<TRecord> batch, CancellationToken ct);

    /// <summary>Writes one settled record: its output object or its error (on the pipeline thread).</summary>
    public abstract void Write(Cmdlet cmdlet, TotaraSession session, TRecord record);

    /// <summary>The keys that must be unique within the input.</summary>
    public virtual IEnumerable<UniqueKey> UniqueKeys(TotaraSession session, TRecord record) => Enumerable.Empty<UniqueKey>();
}
