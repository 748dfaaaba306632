using Totara.Client.Pacing;

namespace Totara.Client.Tests.Unit;

public sealed class ComplexityEstimatorTests
{
    private readonly ComplexityEstimator _estimator = new();

    [Fact]
    public void A_root_query_field_costs_5_plus_1_per_selected_field()
    {
        var estimate = _estimator.Estimate(new GraphQLRequest("query { totara_webapi_status { status timestamp } }"));

        Assert.False(estimate.IsMutation);
        Assert.Equal(5 + 2, estimate.Points);
    }

    [Fact]
    public void A_root_mutation_field_costs_10_and_nested_objects_count_their_fields()
    {
        var estimate = _estimator.Estimate(new GraphQLRequest(
            "mutation m($i: core_user_create_user_input!) { a: core_user_create_user(input: $i) { user { id username } } b: core_user_create_user(input: $i) { user { id } } }"));

        Assert.True(estimate.IsMutation);
        Assert.Equal((10 + 3) + (10 + 2), estimate.Points);
    }

    [Fact]
    public void List_items_are_multiplied_by_the_limit_found_in_the_variables()
    {
        var request = new GraphQLRequest(
            "query q($query: core_user_users_query) { core_user_users(query: $query) { items { id username } total next_cursor } }",
            new Dictionary<string, object?> { ["query"] = new Dictionary<string, object?> { ["pagination"] = new Dictionary<string, object?> { ["limit"] = 100 } } });

        // 5 + items(1) + 100 * 2 + total + next_cursor
        Assert.Equal(5 + 1 + 200 + 2, _estimator.Estimate(request).Points);
    }

    [Fact]
    public void A_literal_limit_and_a_limit_variable_are_both_found()
    {
        var literal = new GraphQLRequest("{ core_user_users(query: {pagination: {limit: 10}}) { items { id } } }");
        var variable = new GraphQLRequest(
            "query($l: param_integer) { core_user_users(query: {pagination: {limit: $l}}) { items { id } } }",
            new Dictionary<string, object?> { ["l"] = 7 });

        Assert.Equal(5 + 1 + 10, _estimator.Estimate(literal).Points);
        Assert.Equal(5 + 1 + 7, _estimator.Estimate(variable).Points);
    }

    [Fact]
    public void Without_a_limit_the_default_list_size_is_assumed()
    {
        var estimate = _estimator.Estimate(new GraphQLRequest("{ core_user_users { items { id } } }"));

        Assert.Equal(5 + 1 + _estimator.DefaultListSize, estimate.Points);
    }

    [Fact]
    public void Fragments_and_inline_fragments_are_expanded()
    {
        var estimate = _estimator.Estimate(new GraphQLRequest(
            "query { core_user_user(reference: {id: 2}) { user { ...names ... on core_user { email } } } } fragment names on core_user { firstname lastname }"));

        Assert.Equal(5 + 1 + 3, estimate.Points);
    }

    [Fact]
    public void The_named_operation_of_several_is_the_one_estimated()
    {
        var request = new GraphQLRequest(
            "query op_a { totara_webapi_status { status } } mutation op_b($i: X!) { core_user_delete_user(target_user: $i) { user_id } }",
            operationName: "op_b");

        var estimate = _estimator.Estimate(request);

        Assert.True(estimate.IsMutation);
        Assert.Equal(11, estimate.Points);
    }

    [Fact]
    public void Strings_comments_and_directives_do_not_confuse_the_reader()
    {
        var estimate = _estimator.Estimate(new GraphQLRequest("""
            # a comment { with braces }
            query q($x: Boolean = true) @dir(a: "}") {
              totara_webapi_status @include(if: $x) { status timestamp(format: "{}") }
            }
            """));

        Assert.Equal(7, estimate.Points);
    }

    [Fact]
    public void A_broken_document_is_refused_with_its_position()
    {
        var ex = Assert.Throws<FormatException>(() => _estimator.Estimate(new GraphQLRequest("query { a { b }")));

        Assert.Contains("position", ex.Message);
    }

    [Fact]
    public void A_root_field_selection_is_estimated_for_batch_sizing()
    {
        Assert.Equal(10 + 3, _estimator.EstimateRootField(true, "{ user { id username } }", Array.Empty<object?>()));
        Assert.Equal(5 + 1, _estimator.EstimateRootField(false, "user_is_member", Array.Empty<object?>()));
    }

    [Fact]
    public void Introspection_fields_and_typename_are_not_counted()
    {
        var estimate = _estimator.Estimate(new GraphQLRequest(
            "query { __typename __schema { types { name fields { name } } } s: totara_webapi_status { __typename status } }"));

        Assert.Equal(5 + 1, estimate.Points);
        Assert.Equal(10 + 1 + 2, _estimator.EstimateRootField(true, "user { __typename id username }", Array.Empty<object?>()));
    }
}
