using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// Registers the one bearer authentication scheme the API uses. Nothing in the pipeline runs it
/// implicitly: <see cref="CallerAuthenticator"/> calls it explicitly from inside each function,
/// because <c>[Authorize]</c> does not run in the isolated worker and the local host must behave
/// the same.
/// </summary>
public static class ApiAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public const string AzureAdSection = "AzureAd";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        if (string.Equals(auth.Mode, AuthOptions.DevelopmentMode, StringComparison.OrdinalIgnoreCase))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"Auth:Mode is '{AuthOptions.DevelopmentMode}' but the host environment is '{environment.EnvironmentName}'. " +
                    "Development tokens are only accepted by a Development host; configure the AzureAd section instead.");
            }

            var validation = DevelopmentTokenValidation.Parameters(auth.Development);
            services.AddAuthentication(Scheme).AddJwtBearer(Scheme, options =>
            {
                options.TokenValidationParameters = validation;
                options.MapInboundClaims = false;
            });
        }
        else if (string.Equals(auth.Mode, AuthOptions.AzureAdMode, StringComparison.OrdinalIgnoreCase))
        {
            var azureAd = configuration.GetSection(AzureAdSection);
            var audiences = AzureAudiences(azureAd);
            var issuer = azureAd["TenantId"] is { Length: > 0 } tenantId ? EntraTokens.V2Issuer(azureAd["Instance"] ?? EntraTokens.PublicCloudInstance, tenantId) : null;
            services.AddAuthentication(Scheme).AddMicrosoftIdentityWebApi(configuration, AzureAdSection, Scheme);
            services.PostConfigure<JwtBearerOptions>(Scheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = ApiClaims.Name;
                options.TokenValidationParameters.RoleClaimType = ApiClaims.Roles;
                // Exactly the two audiences Entra issues for this API; Microsoft.Identity.Web's own
                // validator would pick one by the token's "ver", and AzureAd:Audience would replace both.
                options.Audience = null;
                options.TokenValidationParameters.AudienceValidator = null;
                options.TokenValidationParameters.ValidAudience = null;
                options.TokenValidationParameters.ValidAudiences = audiences;
                options.TokenValidationParameters.ValidateAudience = true;
                options.TokenValidationParameters.IgnoreTrailingSlashWhenValidatingAudience = false;
                if (issuer is not null)
                {
                    // The tenant's v2 issuer, checked by Microsoft.Identity.Web's issuer validator before
                    // it would look the issuer up in the tenant's OpenID metadata.
                    options.TokenValidationParameters.ValidIssuers = [issuer];
                }
            });
        }
        else
        {
            throw new InvalidOperationException($"Auth:Mode '{auth.Mode}' is unknown; use '{AuthOptions.AzureAdMode}' or '{AuthOptions.DevelopmentMode}'.");
        }

        // Registered after the mode's own configuration, so it wraps Microsoft.Identity.Web's handlers.
        services.PostConfigure<JwtBearerOptions>(Scheme, options =>
        {
            options.Events ??= new JwtBearerEvents();
            var next = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = context =>
            {
                var token = context.SecurityToken as JsonWebToken;
                var problem = token is null ? ApiText.TokenNotJwt : TokenClaimShape.Problem(token.InnerToken ?? token);
                if (problem is not null)
                {
                    context.Fail(new SecurityTokenClaimShapeException(problem));
                    return Task.CompletedTask;
                }

                return next(context);
            };
        });
        services.AddSingleton<CallerAuthenticator>();
        return services;
    }

    // The audiences follow from AzureAd:ClientId. An AzureAd:Audience that names anything else is a
    // deployment mistake: refuse to start rather than accept or refuse tokens nobody expects.
    private static string[] AzureAudiences(IConfigurationSection azureAd)
    {
        var clientId = azureAd["ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new InvalidOperationException("AzureAd:ClientId (the API's application id) is required in AzureAd mode.");
        }

        var audiences = EntraTokens.Audiences(clientId);
        if (azureAd["Audience"] is { Length: > 0 } configured && !audiences.Contains(configured, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"AzureAd:Audience '{configured}' is neither AzureAd:ClientId nor api://{{ClientId}}; the API accepts exactly those two. Remove the setting.");
        }

        return audiences;
    }
}
