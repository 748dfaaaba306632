using GraphQL.Types;

namespace Totara.Emulator.Schema.Formatting;

/// <summary>
/// Tells rich-text fields (descriptions, summaries: stored as HTML, formatted with Totara's text
/// formatter) from plain string fields (names: formatted with its string formatter). The SDL
/// already says which is which: rich-text fields default their format argument to HTML.
/// </summary>
internal static class RichTextFields
{
    public static bool IsRichText(FieldType? field) =>
        field?.Arguments?.Find("format")?.DefaultValue?.ToString() == "HTML";
}
