using System.Net;
using Totara.Client.Tests.Support;
using Totara.Client.Transport;

namespace Totara.Client.Tests.Site;

/// <summary>The client behind a corporate proxy that demands Basic authentication, on 127.0.0.1.</summary>
public sealed class ProxyTests
{
    private const string ProxyUser = "proxy-user";
    private const string ProxyPassword = "Pr0xy-Passw0rd-9d1e";

    [Fact]
    public async Task With_the_proxy_credential_every_request_goes_through_the_proxy_and_names_the_client()
    {
        await using var site = await TestSite.StartAsync();
        await using var proxy = new ForwardingProxy(ProxyUser, ProxyPassword);
        using var client = site.NewClient(o =>
        {
            o.Proxy = new TotaraProxy(proxy.Address, new NetworkCredential(ProxyUser, ProxyPassword));
            o.UserAgent = "Totara.PowerShell/9.9.9 test";
        });

        var info = await client.HandshakeAsync();

        Assert.NotNull(info);
        var through = proxy.Requests.Where(r => r.Allowed).ToList();
        Assert.Contains(through, r => r.Target.EndsWith("/totara/oauth2/token.php"));
        Assert.Contains(through, r => r.Target.EndsWith("/api/graphql.php"));
        Assert.All(through, r => Assert.StartsWith(site.Host.Url.GetLeftPart(UriPartial.Authority), r.Target));
        Assert.All(through, r => Assert.Equal("Totara.PowerShell/9.9.9 test", r.UserAgent));
    }

    [Fact]
    public async Task Without_the_credential_the_proxy_refusal_is_a_clear_error_that_is_not_retried()
    {
        await using var site = await TestSite.StartAsync();
        await using var proxy = new ForwardingProxy(ProxyUser, ProxyPassword);
        using var client = site.NewClient(o => o.Proxy = new TotaraProxy(proxy.Address));

        var ex = await Assert.ThrowsAsync<TotaraProxyException>(() => client.HandshakeAsync());

        Assert.Contains("407", ex.Message);
        Assert.Contains("-ProxyCredential", ex.Message);
        Assert.Single(proxy.Requests);             // one refusal, no retries
        Assert.False(proxy.Requests.Single().Allowed);
        Assert.DoesNotContain(TestSite.Secret, ex.ToString());
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_the_same_way_and_never_appear_in_the_error()
    {
        await using var site = await TestSite.StartAsync();
        await using var proxy = new ForwardingProxy(ProxyUser, ProxyPassword);
        using var client = site.NewClient(o => o.Proxy = new TotaraProxy(proxy.Address, new NetworkCredential(ProxyUser, "not-the-password")));

        var ex = await Assert.ThrowsAsync<TotaraProxyException>(() => client.HandshakeAsync());

        Assert.DoesNotContain("not-the-password", ex.ToString());
        Assert.DoesNotContain(ProxyPassword, ex.ToString());
        Assert.All(proxy.Requests, r => Assert.False(r.Allowed));
    }

    [Theory]
    [InlineData("https://learn.example.com", "https_proxy=http://p.corp:3128", "http://p.corp:3128/")]
    [InlineData("https://learn.example.com", "HTTPS_PROXY=p.corp:8080", "http://p.corp:8080/")]
    [InlineData("http://learn.example.com", "http_proxy=http://p.corp:3128|https_proxy=http://other:1", "http://p.corp:3128/")]
    [InlineData("https://learn.example.com", "http_proxy=http://p.corp:3128", null)]
    [InlineData("https://learn.example.com", "", null)]
    public void The_environment_names_the_proxy_for_the_sites_scheme(string site, string variables, string? expected)
    {
        var proxy = TotaraProxy.FromEnvironment(new Uri(site), Variables(variables));

        Assert.Equal(expected, proxy?.Address.AbsoluteUri);
    }

    [Theory]
    [InlineData("learn.example.com", true)]
    [InlineData(".example.com", true)]
    [InlineData("example.com", true)]
    [InlineData("*", true)]
    [InlineData("other.com,learn.example.com:443", true)]
    [InlineData("learn.example.com:8443", false)]
    [InlineData("ample.com", false)]
    [InlineData("other.com", false)]
    public void NO_PROXY_exempts_hosts_domains_and_ports(string noProxy, bool bypassed)
    {
        var proxy = TotaraProxy.FromEnvironment(new Uri("https://learn.example.com"), Variables($"HTTPS_PROXY=http://p.corp:3128|NO_PROXY={noProxy}"))!;

        Assert.Equal(bypassed, proxy.IsBypassed(new Uri("https://learn.example.com/api/graphql.php")));
        Assert.Equal(bypassed ? new Uri("https://learn.example.com/api/graphql.php") : proxy.Address, proxy.GetProxy(new Uri("https://learn.example.com/api/graphql.php")));
    }

    [Fact]
    public void Credentials_in_the_variable_become_the_proxy_credential_and_never_show()
    {
        var proxy = TotaraProxy.FromEnvironment(new Uri("https://learn.example.com"), Variables("HTTPS_PROXY=http://me:s%40cret@p.corp:3128"))!;

        var credential = Assert.IsType<NetworkCredential>(proxy.Credentials);
        Assert.Equal(("me", "s@cret"), (credential.UserName, credential.Password));
        Assert.Equal("http://p.corp:3128/", proxy.Address.AbsoluteUri);
        Assert.DoesNotContain("cret", proxy.ToString());
    }

    private static Func<string, string?> Variables(string spec)
    {
        var values = spec.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return name => values.GetValueOrDefault(name);
    }
}
