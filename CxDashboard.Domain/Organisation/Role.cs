namespace CxDashboard.Domain.Organisation;

public enum Role
{
    Admin = 1,
    CxLead = 2,
    ChannelLead = 3,
    Contributor = 4,
    Executive = 5,
}
