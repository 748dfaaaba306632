using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Totara.Emulator.Api;
using Totara.Emulator.Domain;
using Totara.Emulator.Hosting;

namespace Totara.Emulator;

/// <summary>
/// A running emulated Totara site on 127.0.0.1: the OAuth2 token endpoint and the external
/// GraphQL API, in-process. Tests, benchmarks and the command line all start it through
/// <see cref="StartAsync"/>.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ClientRegistry _clients;
    private readonly RateLimiter _rateLimiter;
    private int _stopped;

    private EmulatorHost(WebApplication app, EmulatorState state, EmulatorSwitches switches, EmulatorCounters counters, ClientRegistry clients, RateLimiter rateLimiter)
    {
        _app = app;
        _rateLimiter = rateLimiter;
        State = state;
        Switches = switches;
        Counters = counters;
        _clients = clients;
        Url = new Uri("http://127.0.0.1/");
    }

    /// <summary>The site root, e.g. <c>http://127.0.0.1:5099/</c>.</summary>
    public Uri Url { get; private set; }

    public EmulatorState State { get; }

    /// <summary>Live settings: latency, faults, limits and token lifetime, changeable while running.</summary>
    public EmulatorSwitches Switches { get; }

    public EmulatorCounters Counters { get; }

    public static Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default) =>
        StartAsync(options ?? new EmulatorOptions(), consoleWarnings: false, ct);

    /// <param name="consoleWarnings">Log ASP.NET warnings to the console (the command line does).</param>
    internal static async Task<EmulatorHost> StartAsync(EmulatorOptions options, bool consoleWarnings, CancellationToken ct)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be between 0 and 65535.");
        }

        var state = new EmulatorState { LearningTime = options.Clock };
        if (options.Demo)
        {
            DemoData.Populate(state, options.Seed);
        }

        // The demo data is the site's existing content; the policy applies to what the API sends.
        state.UserValidation.PasswordPolicyEnabled = options.PasswordPolicy;

        var switches = new EmulatorSwitches(options);
        var counters = new EmulatorCounters();
        var clients = new ClientRegistry(switches, options.Clock);
        var rateLimiter = new RateLimiter(switches, options.Clock);
        var tokenEndpoint = new TokenEndpoint(clients, counters);
        var graphQlEndpoint = new GraphQlEndpoint((options.SchemaOverride ?? Schema.SchemaFactory.Create)(state), state, clients, rateLimiter, switches, counters, options.Clock);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        if (consoleWarnings)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        }

        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, QuietLifetime>();
        // A request held back by injected latency must not keep a stopping emulator alive.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        var app = builder.Build();
        app.MapPost("/totara/oauth2/token.php", (RequestDelegate)tokenEndpoint.HandleAsync);
        app.MapPost("/api/graphql.php", (RequestDelegate)graphQlEndpoint.HandleAsync);

        var host = new EmulatorHost(app, state, switches, counters, clients, rateLimiter);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    /// <summary>
    /// Registers an API client acting as the service account <paramref name="serviceUsername"/>
    /// (created on first use).
    /// </summary>
    public ApiClientRecord AddClient(string clientId, string clientSecret, bool allowIntrospection = false, string serviceUsername = "api_service")
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ArgumentException.ThrowIfNullOrEmpty(serviceUsername);
        var client = new ApiClientRecord(clientId, clientSecret, State.EnsureServiceAccount(serviceUsername), allowIntrospection);
        _clients.Add(client);
        return client;
    }

    /// <summary>
    /// Sets a client's allowed IP addresses (single addresses or CIDR networks, as on Totara's API
    /// client settings); requests from elsewhere are refused. No addresses lifts the limit.
    /// </summary>
    public void RestrictClientAddresses(string clientId, params string[] allowed)
    {
        if (_clients.Find(clientId) is null)
        {
            throw new ArgumentException($"No API client with id '{clientId}' is registered.", nameof(clientId));
        }

        _clients.RestrictAddresses(clientId, allowed.Select(AllowedNetwork.Parse).ToList());
    }

    /// <summary>A valid access token for a registered client, as if it had asked the token endpoint.</summary>
    public string IssueToken(string clientId)
    {
        var client = _clients.Find(clientId)
            ?? throw new ArgumentException($"No API client with id '{clientId}' is registered.", nameof(clientId));
        var (token, _) = _clients.Issue(client);
        Counters.CountTokenIssued();
        return token;
    }

    /// <summary>Tokens issued to one API client since start (the token endpoint and <see cref="IssueToken"/>).</summary>
    public long TokensIssuedTo(string clientId) => _clients.TokensIssuedTo(clientId);

    /// <summary>The site's rate-limit windows so far, the open one last; with <paramref name="clientId"/>, that client's.</summary>
    public IReadOnlyList<RateWindowFigure> RateWindows(string? clientId = null) => _rateLimiter.Windows(clientId);

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
