namespace InclusionCases.Domain.Contacts;

/// <summary>
/// Rounds a position to 3 decimals: about 111 m north-south and, at Brussels' latitude, about 70 m
/// east-west. Where someone sleeps is sensitive; "roughly where" is all outreach statistics need,
/// so exact coordinates are rounded before anything is stored, queued or logged.
/// </summary>
public static class LocationRounding
{
    public const int Decimals = 3;

    public static GeoPoint Round(double lat, double lon) =>
        new(Math.Round(lat, Decimals, MidpointRounding.AwayFromZero), Math.Round(lon, Decimals, MidpointRounding.AwayFromZero));
}
