namespace Totara.Emulator.Api;

/// <summary>
/// Which Totara errors keep their own message on the external API. Totara shows an exception's
/// text only when it is client aware (totara_webapi\client_aware_exception_helper registers
/// require_login and api_access_client_exception); every other resolver exception, such as
/// update_user_exception, reads "Internal server error" (totara_webapi\server tests).
/// </summary>
internal static class ClientSafeError
{
    public static bool IsClientSafe(string category) =>
        category is ErrorCategories.QueryComplexity or ErrorCategories.Graphql or ErrorCategories.ApiAccess;
}
