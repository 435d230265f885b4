namespace InclusionCases.Domain.Webhooks;

/// <summary>Why a webhook URL is refused.</summary>
public enum WebhookUrlProblem
{
    /// <summary>Not an absolute URL.</summary>
    NotAbsolute,

    /// <summary>Not https (plain http is allowed to loopback only, in development).</summary>
    NotHttps,

    /// <summary>A user name or password in the URL: secrets do not travel in addresses.</summary>
    Credentials,

    /// <summary>A port other than https's 443: receivers listen where https does, and the API is no port scanner.</summary>
    Port,

    /// <summary>The host name resolves to no address.</summary>
    Unresolvable,

    /// <summary>The host is, or resolves to, an address the internet cannot reach (loopback, private, link-local, metadata...).</summary>
    NotPublic,
}
