using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.Functions.Identity;

/// <summary>Reads the development signing key, refusing keys too short to be safe even locally.</summary>
internal static class DevelopmentSigningKey
{
    public const int MinimumBytes = 32;

    public static SymmetricSecurityKey From(DevelopmentAuthOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(options.SigningKey);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:Development:SigningKey must be base64.");
        }

        if (bytes.Length < MinimumBytes)
        {
            throw new InvalidOperationException($"Auth:Development:SigningKey must hold at least {MinimumBytes} bytes.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = "inclusioncases-dev" };
    }
}
