using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Organisation;

/// <summary>Someone who works in the app: owns actions, follow-ups, metrics; signs off for a team.</summary>
public sealed class Person : Entity
{
    private Person() { DisplayName = Email = string.Empty; }

    public Person(string displayName, string email, int teamId, string? subject = null)
    {
        DisplayName = Guard.Text(displayName, "A person's name", 100);
        Email = NormaliseEmail(email);
        TeamId = Guard.Id(teamId, "A person's team");
        Subject = Guard.OptionalText(subject, "The identity provider's subject", 200);
    }

    public string DisplayName { get; private set; }
    public string Email { get; private set; }

    /// <summary>The identity provider's stable subject identifier, once the person has signed in.</summary>
    public string? Subject { get; private set; }

    public int TeamId { get; private set; }

    /// <summary>Ties the person to the identity they signed in with, once: from then on only that subject is them.</summary>
    public void LinkSubject(string subject)
    {
        var linked = Guard.Text(subject, "The identity provider's subject", 200);
        if (Subject is not null && Subject != linked)
        {
            throw new DomainException($"{DisplayName} already signs in with another identity; a second one cannot take their place.");
        }
        Subject = linked;
    }

    public void MoveTo(int teamId) => TeamId = Guard.Id(teamId, "A person's team");

    public static string NormaliseEmail(string? email)
    {
        var value = Guard.Text(email, "An e-mail address", 254).ToLowerInvariant();
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Contains(' '))
        {
            throw new DomainException($"'{email}' is not an e-mail address.");
        }
        return value;
    }
}
