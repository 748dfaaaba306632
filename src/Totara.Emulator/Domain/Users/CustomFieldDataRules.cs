using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain;

/// <summary>
/// The data-type checks of a custom field value, as each profile field class's
/// validate_field_from_inputs() does them (user/profile/field/&lt;datatype&gt;/field.class.php):
/// text refuses a data_format and data longer than its maximum length, textarea requires a
/// data_format (and JSON data for JSON_EDITOR), datetime requires YYYY-MM-DD or
/// YYYY-MM-DD-HH-MM-SS and refuses a data_format. Other data types are not checked here.
/// </summary>
internal static class CustomFieldDataRules
{
    // FORMAT_JSON_EDITOR in lib/weblib.php; data_format is one of the FORMAT_* integers.
    private const long JsonEditorFormat = 5;

    public static void Check(UserProfileField field, IReadOnlyDictionary<string, object?> entry)
    {
        var name = field.ShortName;
        var data = GraphInput.String(entry, "data") ?? "";
        var format = GraphInput.Long(entry, "data_format");
        switch (field.DataType)
        {
            case "text":
                if (format is not null)
                {
                    throw new TotaraApiException($"{name}: data_format should not be passed for text fields.");
                }

                if (data.Trim().Length > 0 && data.Length > field.MaxLength)
                {
                    throw new TotaraApiException($"{name}: The data must have less than {field.MaxLength} characters.");
                }

                break;
            case "textarea":
                if (format is null)
                {
                    throw new TotaraApiException($"{name}: data_format is required for textarea fields.");
                }

                if (format == JsonEditorFormat && !IsJsonObject(data))
                {
                    throw new TotaraApiException($"{name}: data_format set to JSON but data does not appear to be in JSON format.");
                }

                break;
            case "datetime":
                if (data.Trim().Length == 0)
                {
                    throw new TotaraApiException($"{name}: Date must be provided in format YYYY-MM-DD-HH-MM-SS or YYYY-MM-DD.");
                }

                if (format is not null)
                {
                    throw new TotaraApiException($"{name}: data_format should not be passed for datetime fields.");
                }

                if (data.Trim().Split('-').Length is not (3 or 6))
                {
                    throw new TotaraApiException($"{name}: Date format should be YYYY-MM-DD-HH-MM-SS or YYYY-MM-DD.");
                }

                break;
        }
    }

    private static bool IsJsonObject(string data)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(data);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
