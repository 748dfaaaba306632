using System.Globalization;

namespace Totara.Emulator.Hosting;

/// <summary>The standalone emulator's settings, read from its command line.</summary>
internal sealed class CommandLine
{
    public const string DefaultClientId = "demo-client";
    public const string DefaultClientSecret = "demo-secret";

    public const string Usage = """
        Usage: Totara.Emulator [options]

          --port N                 port on 127.0.0.1 (default 5099; 0 picks a free port)
          --client-id ID           API client id (default demo-client)
          --client-secret SECRET   API client secret (default demo-secret)
          --client ID:SECRET       one more API client, with its own rate limit (repeatable)
          --service-username NAME  the client's service account (default api_service)
          --allow-introspection    let the client run __schema / __type queries
          --client-allowed-ips LIST the client's allowed IP addresses, comma-separated
                                   (addresses or networks such as 10.0.0.0/8; default any)
          --demo                   fill the site with deterministic demo data
          --seed N                 seed for demo data and random faults
          --latency-ms N           delay added to every GraphQL request
          --resolver-latency-ms N  server time each root field spends before it resolves (default 0)
          --fault-rate P           share (0..1) of GraphQL requests answered 500/503
          --drop-rate P            share (0..1) of GraphQL requests whose connection drops
          --rate-limit N|off       complexity points per client per minute (default 250000)
          --site-rate-limit N|off  complexity points per site per minute (default 500000)
          --max-complexity N|off   maximum complexity of one request (default 6000)
          --max-depth N|off        maximum query depth (default 15)
          --response-debug LEVEL   none|normal|developer: error text shown (default normal)
          --token-ttl SECONDS      access token lifetime (default 86400)
          --password-policy on|off the site password policy (default on)
          --help                   show this help
        """;

    private readonly List<(string ClientId, string ClientSecret)> _extraClients = new();

    public EmulatorOptions Options { get; } = new() { Port = 5099 };

    public string ClientId { get; private set; } = DefaultClientId;

    public string ClientSecret { get; private set; } = DefaultClientSecret;

    /// <summary>The further API clients given with <c>--client ID:SECRET</c>, in order; each has its own rate-limit budget.</summary>
    public IReadOnlyList<(string ClientId, string ClientSecret)> ExtraClients => _extraClients;

    public string ServiceUsername { get; private set; } = "api_service";

    public bool AllowIntrospection { get; private set; }

    public IReadOnlyList<string> ClientAllowedAddresses { get; private set; } = Array.Empty<string>();

    public bool ShowHelp { get; private set; }

    /// <summary>Reads the arguments; throws <see cref="FormatException"/> naming the bad one.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new FormatException($"{name} needs a value.");

            switch (name)
            {
                case "--port": line.Options.Port = Integer(name, Value(), 0, 65535); break;
                case "--client-id": line.ClientId = NotEmpty(name, Value()); break;
                case "--client-secret": line.ClientSecret = NotEmpty(name, Value()); break;
                case "--client": line.AddExtraClient(name, Value()); break;
                case "--service-username": line.ServiceUsername = NotEmpty(name, Value()); break;
                case "--allow-introspection": line.AllowIntrospection = true; break;
                case "--client-allowed-ips": line.ClientAllowedAddresses = AddressList(name, Value()); break;
                case "--demo": line.Options.Demo = true; break;
                case "--seed": line.Options.Seed = Integer(name, Value(), int.MinValue, int.MaxValue); break;
                case "--latency-ms": line.Options.LatencyMs = Integer(name, Value(), 0, 600_000); break;
                case "--resolver-latency-ms": line.Options.ResolverLatencyMs = Integer(name, Value(), 0, 600_000); break;
                case "--fault-rate": line.Options.FaultRate = Share(name, Value()); break;
                case "--drop-rate": line.Options.DropRate = Share(name, Value()); break;
                case "--rate-limit": line.Options.RateLimitPerMinute = Limit(name, Value()); break;
                case "--site-rate-limit": line.Options.SiteRateLimitPerMinute = Limit(name, Value()); break;
                case "--max-complexity": line.Options.MaxComplexity = Limit(name, Value()); break;
                case "--max-depth": line.Options.MaxDepth = Limit(name, Value()); break;
                case "--token-ttl": line.Options.TokenLifetime = TimeSpan.FromSeconds(Integer(name, Value(), 1, int.MaxValue)); break;
                case "--response-debug": line.Options.ResponseDebug = DebugLevel(name, Value()); break;
                case "--password-policy": line.Options.PasswordPolicy = OnOff(name, Value()); break;
                case "--help" or "-h" or "-?": line.ShowHelp = true; break;
                default: throw new FormatException($"Unknown option '{name}'.");
            }
        }

        // Checked after all arguments: --client-id may come after --client.
        var repeated = line._extraClients.Select(c => c.ClientId).Append(line.ClientId)
            .GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new FormatException($"--client {repeated.Key}: that client id is given twice.");
        }

        if (line.Options.FaultRate + line.Options.DropRate > 1)
        {
            throw new FormatException("--fault-rate and --drop-rate together must not exceed 1.");
        }

        return line;
    }

    private static IReadOnlyList<string> AddressList(string name, string value)
    {
        var entries = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in entries)
        {
            try
            {
                AllowedNetwork.Parse(entry);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{name}: {ex.Message}");
            }
        }

        return entries.Length > 0 ? entries : throw new FormatException($"{name} must not be empty.");
    }

    /// <summary>ID:SECRET, split at the first colon (a secret may hold colons, an id may not); ids must be unique.</summary>
    private void AddExtraClient(string name, string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new FormatException($"{name} must be ID:SECRET, both non-empty.");
        }

        _extraClients.Add((value[..colon], value[(colon + 1)..]));
    }

    private static string NotEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{name} must not be empty.") : value;

    private static int Integer(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{value}'.");

    private static int? Limit(string name, string value) =>
        value.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : Integer(name, value, 1, int.MaxValue);

    private static ResponseDebug DebugLevel(string name, string value) =>
        value.ToLowerInvariant() switch
        {
            "none" => ResponseDebug.None,
            "normal" => ResponseDebug.Normal,
            "developer" => ResponseDebug.Developer,
            _ => throw new FormatException($"{name} must be none, normal or developer, not '{value}'."),
        };
    private static bool OnOff(string name, string value) => value.ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => throw new FormatException($"{name} must be on or off, not '{value}'."),
    };

    private static double Share(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new FormatException($"{name} must be a number from 0 to 1, not '{value}'.");
}
