namespace Totara.Client.Tests.Unit;

/// <summary>totara_webapi\request::validate: an operationName must match /^[a-z][a-z0-9_]+$/ or be IntrospectionQuery.</summary>
public sealed class OperationNameTests
{
    [Theory]
    [InlineData("totara_batch")]
    [InlineData("list_users2")]
    [InlineData("ab")]
    [InlineData("IntrospectionQuery")]
    public void Names_Totara_accepts_are_sent(string name)
    {
        Assert.Equal(name, new GraphQLRequest("{ a }", null, name).OperationName);
    }

    [Theory]
    [InlineData("GetUsers")]
    [InlineData("a")]
    [InlineData("1st")]
    [InlineData("list-users")]
    [InlineData("list users")]
    public void Names_Totara_refuses_are_refused_before_sending(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new GraphQLRequest("{ a }", null, name));
        Assert.Contains(name, ex.Message);
    }
}
