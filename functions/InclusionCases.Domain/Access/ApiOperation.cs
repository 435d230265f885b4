namespace InclusionCases.Domain.Access;

/// <summary>
/// Every operation the access policy decides on: one per route, plus the person-level acts a route
/// may include (<see cref="OpenCaseForPerson"/> within <see cref="CreateCase"/>, <see cref="EditPerson"/>
/// within <see cref="UpdateCase"/>).
/// </summary>
public enum ApiOperation
{
    CreateCase,
    OpenCaseForPerson,
    ListCases,
    ReadCase,
    UpdateCase,
    EditPerson,
    AddNote,
    ReadTimeline,
    RecordConsent,
    RevokeConsent,
    CreateReferral,
    ListReferrals,
    AcceptReferral,
    DeclineReferral,
    WithdrawReferral,
    CompleteReferral,
    EndParticipation,
    ReadOutreach,
    ListTasks,
    ReadTask,
    CreateTask,
    UpdateTask,
    SetReferenceAddress,
    RecordCheckIn,
    LogContacts,
    ListContacts,
    ListPoison,
    ReplayPoison,
    ReadOperationsStatus,
    ReadAudit,
    ExportPerson,
    ErasePerson,
    ReadReports,
    ListOrganisations,
    ReadOrganisation,
    CreateOrganisation,
    UpdateOrganisation,
    ListMembers,
    GrantMembership,
    EndMembership,
}
