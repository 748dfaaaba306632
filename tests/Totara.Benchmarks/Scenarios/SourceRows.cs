using System.Management.Automation;

namespace Totara.Benchmarks.Scenarios;

/// <summary>Source rows as Import-Csv makes them: PSObjects whose every value is a string, columns named as HR Import names them.</summary>
internal static class SourceRows
{
    public static PSObject Row(params (string Column, string Value)[] columns)
    {
        var row = new PSObject();
        foreach (var (column, value) in columns) row.Properties.Add(new PSNoteProperty(column, value));
        return row;
    }
}
