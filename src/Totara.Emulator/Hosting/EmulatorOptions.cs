namespace Totara.Emulator;

/// <summary>
/// How an emulated site starts. Defaults are Totara 18's defaults; every value except
/// <see cref="Port"/>, <see cref="Demo"/> and <see cref="Seed"/> can be changed later, while the
/// site runs, through <see cref="EmulatorHost.Switches"/>.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Fill the site with the deterministic demo data set.</summary>
    public bool Demo { get; set; }

    /// <summary>Seeds the demo data and the random fault generator.</summary>
    public int Seed { get; set; } = Domain.DemoData.DefaultSeed;

    /// <summary>Delay added to every GraphQL request, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>
    /// Server time, in milliseconds of <see cref="Clock"/>, that each root field (each aliased
    /// mutation) spends before it resolves, as PHP and the database do on a real site.
    /// </summary>
    public int ResolverLatencyMs { get; set; }

    /// <summary>Share (0..1) of GraphQL requests answered with a 500 or 503.</summary>
    public double FaultRate { get; set; }

    /// <summary>
    /// Share (0..1) of GraphQL requests whose connection is dropped: half before execution and
    /// half after execution (the changes were made, the answer is lost).
    /// </summary>
    public double DropRate { get; set; }

    /// <summary>Complexity points one API client may spend per minute (Totara's two-counter window); null = no limit.</summary>
    public int? RateLimitPerMinute { get; set; } = 250_000;

    /// <summary>Complexity points the whole site may spend per minute (Totara's two-counter window); null = no limit.</summary>
    public int? SiteRateLimitPerMinute { get; set; } = 500_000;

    /// <summary>Maximum complexity of one request; null = no limit.</summary>
    public int? MaxComplexity { get; set; } = 6_000;

    /// <summary>Maximum depth of one request; null = no limit.</summary>
    public int? MaxDepth { get; set; } = 15;

    /// <summary>How much of an error's text the API shows (Totara's response_debug; default normal).</summary>
    public ResponseDebug ResponseDebug { get; set; } = ResponseDebug.Normal;

    /// <summary>Lifetime of newly issued access tokens: Totara's default is 24 hours (totara_oauth2's token lifetime).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Site setting passwordpolicy: on by default, as in admin/settings/security.php. Off accepts any non-empty password.</summary>
    public bool PasswordPolicy { get; set; } = true;

    /// <summary>
    /// The clock behind token expiry and the rate-limit window. Tests pass a clock they move
    /// by hand so that expiry and window recovery need no sleeping.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Test hook: serve this schema instead of the transcribed one.</summary>
    internal Func<Domain.EmulatorState, GraphQL.Types.ISchema>? SchemaOverride { get; set; }
}
