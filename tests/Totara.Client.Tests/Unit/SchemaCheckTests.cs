using Totara.Client.Schema;

namespace Totara.Client.Tests.Unit;

public sealed class SchemaCheckTests
{
    [Fact]
    public void A_document_that_fits_the_bundled_schema_has_no_findings()
    {
        const string document = """
            query ($r: core_user_user_reference!) {
              core_user_user(reference: $r) { user { id username ...names custom_fields { shortname data } } }
              totara_webapi_status { status __typename }
            }
            fragment names on core_user { firstname lastname }
            """;

        Assert.Empty(SchemaCheck.Check(document));
    }

    [Fact]
    public void Each_field_the_site_would_drop_silently_is_named_with_its_path()
    {
        const string document = """
            mutation { created: core_user_create_user(input: {}) { user { id usrname } } core_user_no_such_mutation { id } }
            """;

        Assert.Equal(new[]
        {
            "The site would silently drop 'created.user.usrname': type core_user has no field 'usrname'.",
            "The site would silently drop 'core_user_no_such_mutation': type Mutation has no field 'core_user_no_such_mutation'.",
        }, SchemaCheck.Check(document));
    }

    [Fact]
    public void An_object_selected_without_sub_fields_is_named()
    {
        Assert.Equal(
            new[] { "The site would answer 'totara_webapi_status' with an empty object: it selects no fields of totara_webapi_status." },
            SchemaCheck.Check("{ totara_webapi_status }"));
    }

    [Fact]
    public void The_bundled_schema_has_the_reference_operations()
    {
        Assert.Equal(18, BundledSchema.Instance.FieldNames("Query").Count);
        Assert.Equal(17, BundledSchema.Instance.FieldNames("Mutation").Count);
        Assert.Equal("core_user_user_result", BundledSchema.Instance.FieldType("Query", "core_user_user"));
    }
}
