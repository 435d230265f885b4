namespace InclusionCases.Domain.Contacts;

/// <summary>A place, as stored: rounded to about 100 m (see <see cref="LocationRounding"/>).</summary>
public sealed record GeoPoint(double Lat, double Lon);
