using CxDashboard.Domain.Organisation;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    private async Task SeedOrganisationAsync(CxDbContext db, DemoState state, CancellationToken cancellationToken)
    {
        foreach (var spec in DemoCatalogue.Teams)
        {
            state.Teams[spec.Code] = new Team(spec.Code, spec.Name);
        }
        db.Teams.AddRange(state.Teams.Values);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var spec in DemoCatalogue.People)
        {
            var person = new Person(spec.DisplayName, spec.Email, state.Teams[spec.TeamCode].Id, spec.Subject);
            state.People[spec.Email[..spec.Email.IndexOf('@')]] = person;
        }
        db.People.AddRange(state.People.Values);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var team in state.Teams.Values)
        {
            var first = DemoCatalogue.People.First(p => state.Teams[p.TeamCode] == team);
            team.AppointLead(state.People[first.Email[..first.Email.IndexOf('@')]]);
        }

        // Roles were granted by the administrator just before the history starts.
        var grantedAt = state.Origin.AddDays(-70);
        foreach (var spec in DemoCatalogue.People)
        {
            var person = state.People[spec.Email[..spec.Email.IndexOf('@')]];
            foreach (var role in spec.Roles)
            {
                db.RoleGrants.Add(new RoleGrant(person.Id, role, state.Admin.DisplayName, grantedAt));
            }
        }

        for (var i = 0; i < DemoCatalogue.Channels.Length; i++)
        {
            var spec = DemoCatalogue.Channels[i];
            state.Channels[spec.Code] = new Channel(spec.Code, spec.Name, state.Teams[spec.OwningTeamCode].Id, i + 1);
        }
        for (var i = 0; i < DemoCatalogue.Stages.Length; i++)
        {
            var spec = DemoCatalogue.Stages[i];
            state.Stages[spec.Code] = new JourneyStage(spec.Code, spec.Name, i + 1);
        }
        db.Channels.AddRange(state.Channels.Values);
        db.JourneyStages.AddRange(state.Stages.Values);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Seeded {Teams} teams, {People} people, {Channels} channels and {Stages} journey stages",
            state.Teams.Count, state.People.Count, state.Channels.Count, state.Stages.Count);
    }
}
