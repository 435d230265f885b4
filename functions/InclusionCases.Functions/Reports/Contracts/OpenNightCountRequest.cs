using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace InclusionCases.Functions.Reports.Contracts;

/// <summary>Body of <c>POST /api/counts</c>: the night, the window on a Brussels clock, and the zones counted.</summary>
public sealed record OpenNightCountRequest(
    [property: Required, Description("The night, yyyy-MM-dd: the day the window starts.")] string? Night,
    [property: Required, Description("The window's start, HH:mm, Brussels time.")] string? From,
    [property: Required, Description("The window's end, HH:mm, Brussels time; at or before the start, it is on the next day.")] string? To,
    [property: Required, MinLength(1), MaxLength(OpenNightCountRequest.MaxZones), Description("The zones counted, as mediators name them (compared without case or surrounding spaces).")] IReadOnlyList<string?>? Zones)
{
    public const int MaxZones = 50;
}
