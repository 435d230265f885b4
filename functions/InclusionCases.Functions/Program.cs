using InclusionCases.Functions;
using InclusionCases.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddInclusionCases(builder.Configuration, builder.Environment);
// Exporting telemetry is the Functions host's concern; the local host logs to the console.
builder.Services.AddAzureMonitorTelemetry(builder.Configuration);
builder.Build().Run();
