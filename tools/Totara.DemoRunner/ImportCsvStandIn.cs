using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Microsoft.VisualBasic.FileIO;

namespace Totara.DemoRunner;

/// <summary>
/// Import-Csv for the hosted engine, which lacks Microsoft.PowerShell.Utility. It reads a CSV
/// file with a header row into one object per row whose properties are the header's columns and
/// whose values are strings (empty fields are empty strings), as pwsh's Import-Csv does, so the
/// sample scripts run unchanged here and in pwsh. Quoted fields may hold delimiters and line breaks.
/// </summary>
[Cmdlet(VerbsData.Import, "Csv")]
[OutputType(typeof(PSObject))]
public sealed class ImportCsvStandIn : PSCmdlet
{
    /// <summary>The CSV file; relative paths are resolved against the current location.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "LiteralPath")]
    public string Path { get; set; } = "";

    /// <summary>The field delimiter (comma by default).</summary>
    [Parameter]
    public char Delimiter { get; set; } = ',';

    public static void AddTo(InitialSessionState state) =>
        state.Commands.Add(new SessionStateCmdletEntry("Import-Csv", typeof(ImportCsvStandIn), null));

    protected override void ProcessRecord()
    {
        string file = GetUnresolvedProviderPathFromPSPath(Path);
        using var parser = new TextFieldParser(file) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(Delimiter.ToString());
        string[]? header = parser.ReadFields();
        if (header is null) return;

        while (!parser.EndOfData)
        {
            long line = parser.LineNumber;
            string[]? fields = parser.ReadFields();
            if (fields is null) continue;
            var row = new PSObject();
            for (int column = 0; column < header.Length; column++)
                row.Properties.Add(new PSNoteProperty(header[column], column < fields.Length ? fields[column] : null));
            if (fields.Length > header.Length)
                WriteWarning($"{file}, line {line}: {fields.Length} fields for {header.Length} columns; the extra fields are ignored.");
            WriteObject(row);
        }
    }
}
