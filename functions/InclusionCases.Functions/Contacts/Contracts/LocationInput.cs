namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>Where the contact took place; stored rounded to about 100 m.</summary>
public sealed record LocationInput(double? Lat, double? Lon);
