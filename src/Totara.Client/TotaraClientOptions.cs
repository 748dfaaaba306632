using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Totara.Client;

/// <summary>Where the site is, how to sign in, and the site's limits the client respects.</summary>
public sealed class TotaraClientOptions
{
    /// <summary>One API client (or one pre-issued token) of one site.</summary>
    /// <param name="siteUrl">The site's address, absolute (e.g. https://learn.example.com); a site under a folder keeps its path.</param>
    /// <param name="credential">How to sign in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="siteUrl"/> or <paramref name="credential"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="siteUrl"/> is not absolute.</exception>
    public TotaraClientOptions(Uri siteUrl, TotaraCredential credential)
        : this(siteUrl, new[] { credential ?? throw new ArgumentNullException(nameof(credential)) })
    {
    }

    /// <summary>
    /// Several API clients of one site: requests are spread over them, each paced on its own
    /// budget and all together on the site's (<see cref="SiteComplexityBudgetPerMinute"/>).
    /// </summary>
    public TotaraClientOptions(Uri siteUrl, IEnumerable<TotaraCredential> credentials)
    {
        if (siteUrl is null) throw new ArgumentNullException(nameof(siteUrl));
        if (credentials is null) throw new ArgumentNullException(nameof(credentials));
        if (!siteUrl.IsAbsoluteUri)
            throw new ArgumentException($"The site URL '{siteUrl}' is not absolute (e.g. https://learn.example.com).", nameof(siteUrl));
        SiteUrl = siteUrl;
        Credentials = credentials.ToList();
        if (Credentials.Count == 0) throw new ArgumentException("At least one credential is needed.", nameof(credentials));
        if (Credentials.Any(c => c is null)) throw new ArgumentException("A credential is null.", nameof(credentials));
        if (Credentials.Count > 1)
        {
            // Totara budgets per client id: two lanes for one client would pace twice its budget.
            if (Credentials.Any(c => c.ClientId is null))
                throw new ArgumentException("Several credentials must all be client credentials (a client id and secret), not pre-issued tokens.", nameof(credentials));
            var repeated = Credentials.GroupBy(c => c.ClientId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null)
                throw new ArgumentException($"The client id '{repeated.Key}' is given more than once; each API client has one budget.", nameof(credentials));
        }
    }

    /// <summary>The site's address; the token endpoint and the GraphQL endpoint are resolved against it.</summary>
    public Uri SiteUrl { get; }

    /// <summary>The first (with one client, the only) credential.</summary>
    public TotaraCredential Credential => Credentials[0];

    /// <summary>Every API client's credential; requests are spread over them.</summary>
    public IReadOnlyList<TotaraCredential> Credentials { get; }

    /// <summary>The site's rate limit for each client, points per window; the client paces itself to Totara's two-counter window with it.</summary>
    public int ComplexityBudgetPerMinute { get; set; } = 250_000;

    /// <summary>
    /// The site's rate limit for all clients together (Totara's default 500,000); paced to only
    /// when there are several credentials, since one client's budget is below it.
    /// </summary>
    public int SiteComplexityBudgetPerMinute { get; set; } = 500_000;

    /// <summary>The site's maximum query complexity per request.</summary>
    public int MaxComplexity { get; set; } = 6_000;

    /// <summary>Batches use at most this share of <see cref="MaxComplexity"/>, a margin for estimation error.</summary>
    public double BatchComplexityShare { get; set; } = 0.8;

    /// <summary>How many times one request is retried after a 429, a 5xx, a 408 or a dropped connection (a mutation only where resending is safe); 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 8;

    /// <summary>Retries stop once this long has passed since the first attempt; a back-off is cut short to fit in it.</summary>
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one HTTP request (token or GraphQL) may take before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Renew a token this long before its <c>expires_in</c> runs out.</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First back-off after Totara's 429 (it sends no Retry-After; spent points fade over 60 to 120 s).</summary>
    public TimeSpan RateLimitBaseDelay { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>First back-off after a 5xx, a 408 or a dropped connection.</summary>
    public TimeSpan TransientBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No single back-off is longer than this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The clock behind pacing, token expiry and retry delays. Tests pass a virtual clock
    /// (shared with the emulator) so minutes of pacing take no wall-clock time.
    /// </summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// The proxy to send through. Null: the one HTTPS_PROXY / HTTP_PROXY name (NO_PROXY
    /// respected), or else the system's default proxy.
    /// </summary>
    public Transport.TotaraProxy? Proxy { get; set; }

    /// <summary>
    /// Use the signed-in user's own credentials (Windows: Kerberos/NTLM) for the proxy. For
    /// <see cref="Proxy"/> without credentials and for the system's default proxy.
    /// </summary>
    public bool ProxyUseDefaultCredentials { get; set; }

    /// <summary>The User-Agent of every request, so a site's logs show who called.</summary>
    public string UserAgent { get; set; } = "Totara.Client/" + typeof(TotaraClientOptions).Assembly.GetName().Version?.ToString(3);

    /// <summary>
    /// Tests only; by default the client makes its own handler. A handler given here must not
    /// follow redirects itself, or the client never sees them to refuse them.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    internal void Validate()
    {
        if (ComplexityBudgetPerMinute <= 0) throw new ArgumentOutOfRangeException(nameof(ComplexityBudgetPerMinute), ComplexityBudgetPerMinute, "The complexity budget per minute must be positive.");
        if (SiteComplexityBudgetPerMinute <= 0) throw new ArgumentOutOfRangeException(nameof(SiteComplexityBudgetPerMinute), SiteComplexityBudgetPerMinute, "The site's complexity budget per minute must be positive.");
        if (MaxComplexity <= 0) throw new ArgumentOutOfRangeException(nameof(MaxComplexity), MaxComplexity, "The maximum complexity must be positive.");
        if (BatchComplexityShare <= 0 || BatchComplexityShare > 1) throw new ArgumentOutOfRangeException(nameof(BatchComplexityShare), BatchComplexityShare, "The batch complexity share must be above 0 and at most 1.");
        if (MaxRetryAttempts < 0) throw new ArgumentOutOfRangeException(nameof(MaxRetryAttempts), MaxRetryAttempts, "The retry attempts cannot be negative.");
        if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive.");
    }
}
