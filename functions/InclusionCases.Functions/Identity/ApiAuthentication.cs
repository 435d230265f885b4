using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

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
            services.AddSingleton(new DevelopmentTokenIssuer(auth.Development));
        }
        else if (string.Equals(auth.Mode, AuthOptions.AzureAdMode, StringComparison.OrdinalIgnoreCase))
        {
            services.AddAuthentication(Scheme).AddMicrosoftIdentityWebApi(configuration, "AzureAd", Scheme);
            services.PostConfigure<JwtBearerOptions>(Scheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = ApiClaims.Name;
                options.TokenValidationParameters.RoleClaimType = ApiClaims.Roles;
            });
        }
        else
        {
            throw new InvalidOperationException($"Auth:Mode '{auth.Mode}' is unknown; use '{AuthOptions.AzureAdMode}' or '{AuthOptions.DevelopmentMode}'.");
        }

        services.AddSingleton<CallerAuthenticator>();
        return services;
    }
}
