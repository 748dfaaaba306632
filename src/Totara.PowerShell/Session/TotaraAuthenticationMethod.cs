namespace Totara.PowerShell.Session;

/// <summary>How a <see cref="TotaraSession"/> authenticates to the site.</summary>
public enum TotaraAuthenticationMethod
{
    /// <summary>OAuth2 client credentials (client id and secret); tokens are renewed automatically.</summary>
    ClientCredentials,

    /// <summary>A pre-issued access token, used as given; it is not renewed.</summary>
    AccessToken,
}
