namespace Totara.Client.Tests.Unit;

/// <summary>Which operation of a document runs, and whether it changes anything (what -WhatIf goes by).</summary>
public sealed class DocumentOperationsTests
{
    [Theory]
    [InlineData("{ totara_webapi_status { status } }", null, false, null)]
    [InlineData("query q1 { totara_webapi_status { status } }", null, false, null)]
    [InlineData("mutation make_user($i: core_user_create_user_input!) { core_user_create_user(input: $i) { user { id } } }", null, true, "make_user")]
    [InlineData("mutation { core_user_delete_user(target_user: {id: 4}) { user_id } }", null, true, null)]
    [InlineData("query read_op { a } mutation write_op { b }", "read_op", false, null)]
    [InlineData("query read_op { a } mutation write_op { b }", "write_op", true, "write_op")]
    [InlineData("query read_op { a } mutation write_op { b }", null, true, "write_op")]
    [InlineData("# mutation in a comment\nquery q2 { a(text: \"mutation { x }\") }", null, false, null)]
    [InlineData("query q3 { a(text: \"\"\"mutation\n{ x }\"\"\") }", null, false, null)]
    [InlineData("fragment f on core_user { id } query q4 { core_user_user { user { ...f } } }", null, false, null)]
    public void Tells_whether_the_operation_that_runs_is_a_mutation(string document, string? operationName, bool mutation, string? name)
    {
        Assert.Equal(mutation, DocumentOperations.RunsMutation(document, operationName, out var found));
        Assert.Equal(name, found);
    }

    [Theory]
    [InlineData("mutation { broken(", true)]
    [InlineData("query { broken(", false)]
    public void A_document_it_cannot_read_counts_as_a_mutation_when_it_says_so(string document, bool mutation)
    {
        Assert.Equal(mutation, DocumentOperations.RunsMutation(document, null, out _));
    }
}
