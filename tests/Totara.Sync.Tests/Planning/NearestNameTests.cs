namespace Totara.Sync.Tests.Planning;

public sealed class NearestNameTests
{
    private static readonly string[] Known = { "username", "idnumber", "email", "firstname", "lastname", "department", "city", "country", "suspended" };

    [Theory]
    [InlineData("emial", "email")]
    [InlineData("departmnet", "department")]
    [InlineData("Departement", "department")]
    [InlineData("FirstNme", "firstname")]
    [InlineData("suspend", "suspended")]
    public void A_mistyped_column_suggests_the_known_one_it_meant(string typed, string meant)
    {
        Assert.Equal(meant, NearestName.Find(typed, Known));
    }

    [Theory]
    [InlineData("DistinguishedName")]
    [InlineData("Title")]
    [InlineData("Id")]
    [InlineData("EMAIL")]   // a known name in another case is not a typo
    public void An_unrelated_name_suggests_nothing(string typed)
    {
        Assert.Null(NearestName.Find(typed, Known));
    }
}
