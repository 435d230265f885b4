namespace InclusionCases.Domain.Access;

/// <summary>Every operation of the case API that the access policy decides on.</summary>
public enum ApiOperation
{
    CreateCase,
    ListCases,
    ReadCase,
    UpdateCase,
    AddNote,
    ReadTimeline,
    RecordConsent,
    RevokeConsent,
    CreateReferral,
    ListReferrals,
    DecideReferral,
    ReadOutreach,
    LogContacts,
    ListContacts,
    ListPoison,
    ReplayPoison,
    ReadAudit,
    ExportPerson,
    ErasePerson,
    ReadReports,
}
