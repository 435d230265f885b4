using System.Net;
using InclusionCases.Domain.Webhooks;

namespace InclusionCases.UnitTests.Webhooks;

/// <summary>The URL validation table: private ranges, IPv6 loopback and mapped addresses, names resolving to private addresses, credentials, non-https.</summary>
public sealed class WebhookUrlRulesTests
{
    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.0.9", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)] // the cloud metadata service
    [InlineData("100.64.0.1", false)] // carrier-grade NAT
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("192.0.2.10", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("::ffff:127.0.0.1", false)] // IPv4-mapped loopback
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a00:1", false)] // NAT64 of 10.0.0.1
    [InlineData("64:ff9b::808:808", true)] // NAT64 of 8.8.8.8
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2001:0:4136:e378::1", false)] // Teredo
    [InlineData("2002:a00:1::1", false)] // 6to4 of 10.0.0.1
    [InlineData("::127.0.0.1", false)] // IPv4-compatible, deprecated
    [InlineData("3fff::1", false)] // documentation (RFC 9637)
    [InlineData("168.63.129.16", false)] // Azure's platform address
    public void Address_IsPublic_OnlyWhenTheInternetCanReachIt(string address, bool expected) =>
        Assert.Equal(expected, WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://hooks.partner.example/inclusion", "93.184.215.14", false, null)]
    [InlineData("http://hooks.partner.example/inclusion", "93.184.215.14", false, WebhookUrlProblem.NotHttps)]
    [InlineData("ftp://hooks.partner.example/inclusion", "93.184.215.14", false, WebhookUrlProblem.NotHttps)]
    [InlineData("https://user:secret@hooks.partner.example/", "93.184.215.14", false, WebhookUrlProblem.Credentials)]
    [InlineData("https://internal.partner.example/", "10.0.0.7", false, WebhookUrlProblem.NotPublic)] // a name resolving to a private address
    [InlineData("https://mixed.partner.example/", "93.184.215.14,192.168.0.4", false, WebhookUrlProblem.NotPublic)] // one private address is enough
    [InlineData("https://gone.partner.example/", "", false, WebhookUrlProblem.Unresolvable)]
    [InlineData("https://127.0.0.1/hook", "127.0.0.1", false, WebhookUrlProblem.NotPublic)]
    [InlineData("https://[::1]/hook", "::1", false, WebhookUrlProblem.NotPublic)]
    [InlineData("https://169.254.169.254/latest/meta-data", "169.254.169.254", false, WebhookUrlProblem.NotPublic)]
    [InlineData("http://127.0.0.1:5099/hook", "127.0.0.1", true, null)] // a development host testing against itself
    [InlineData("http://localhost:5099/hook", "127.0.0.1,::1", true, null)]
    [InlineData("http://localhost:5099/hook", "127.0.0.1", false, WebhookUrlProblem.NotHttps)]
    [InlineData("http://10.0.0.7/hook", "10.0.0.7", true, WebhookUrlProblem.NotHttps)] // loopback only, not any private address
    [InlineData("https://hooks.partner.example:8443/", "93.184.215.14", false, WebhookUrlProblem.Port)] // 443 only: no scanning of other ports
    [InlineData("https://hooks.partner.example:22/", "93.184.215.14", false, WebhookUrlProblem.Port)]
    [InlineData("https://hooks.partner.example:443/", "93.184.215.14", false, null)]
    [InlineData("https://10.0.0.7:8443/", "10.0.0.7", false, WebhookUrlProblem.Port)]
    [InlineData("https://intranet.corp:8443/", "", false, WebhookUrlProblem.Port)] // decided before resolving: no answer tells which names exist
    [InlineData("http://intranet.corp/", "", false, WebhookUrlProblem.NotHttps)]
    public void Url_IsRefusedForTheFirstProblemItHas(string url, string resolved, bool allowLoopback, WebhookUrlProblem? expected)
    {
        var addresses = resolved.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(IPAddress.Parse).ToList();

        Assert.Equal(expected, WebhookUrlRules.Check(new Uri(url), addresses, allowLoopback));
    }
}
