using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Themes;

/// <summary>
/// What customers talk about ("Delivery › Late"): a name, at most one level under a parent, and a rule
/// that finds the verbatims that mention it. A lead proposes a theme; the head of CX makes it active,
/// and only active themes tag feedback. After an active theme's rule changes, the feedback already
/// stored is tagged again in the background; <see cref="TaggedRule"/> says which rule the tags reflect.
/// </summary>
public sealed class Theme : Entity
{
    public const int MaxNameLength = 80;

    /// <summary>How a theme under a parent is written: "Delivery › Late".</summary>
    public const string Separator = " › ";

    private Theme() { Name = string.Empty; Rule = string.Empty; }

    private Theme(string name, Theme? parent, string rule, int ownerPersonId, ThemeStatus status)
    {
        Name = Guard.Text(name, "The theme's name", MaxNameLength);
        Rule = ThemeRule.Parse(rule).Text;
        OwnerPersonId = Guard.Id(ownerPersonId, "The theme's owner");
        Status = status;
        PlaceUnder(parent, hasChildren: false);
    }

    /// <summary>A theme the head of CX adds: it tags feedback at once.</summary>
    public static Theme Create(string name, Theme? parent, string rule, int ownerPersonId) =>
        new(name, parent, rule, ownerPersonId, ThemeStatus.Active);

    /// <summary>A theme a lead suggests: it waits for the head of CX.</summary>
    public static Theme Propose(string name, Theme? parent, string rule, int ownerPersonId) =>
        new(name, parent, rule, ownerPersonId, ThemeStatus.Proposed);

    public string Name { get; private set; }
    public int? ParentThemeId { get; private set; }
    public string Rule { get; private set; }
    public ThemeStatus Status { get; private set; }
    public int OwnerPersonId { get; private set; }

    /// <summary>The rule the stored tags were made with; null until the theme's feedback was first tagged.</summary>
    public string? TaggedRule { get; private set; }

    /// <summary>Whether the stored tags lag behind the rule, so the feedback must be tagged again.</summary>
    public bool NeedsTagging => Status == ThemeStatus.Active && TaggedRule != Rule;

    public ThemeRule ParsedRule => ThemeRule.Parse(Rule);

    public void Rename(string name) => Name = Guard.Text(name, "The theme's name", MaxNameLength);

    public void ChangeRule(string rule) => Rule = ThemeRule.Parse(rule).Text;

    public void ChangeOwner(int ownerPersonId) => OwnerPersonId = Guard.Id(ownerPersonId, "The theme's owner");

    /// <summary>Themes have two levels: a parent must be a top-level theme, and a theme with themes under it stays on top.</summary>
    public void PlaceUnder(Theme? parent, bool hasChildren)
    {
        if (parent is null)
        {
            ParentThemeId = null;
            return;
        }
        if (parent.Id == Id && Id != 0)
        {
            throw new DomainException("A theme cannot be placed under itself.");
        }
        if (parent.ParentThemeId is not null)
        {
            throw new DomainException($"'{parent.Name}' is itself under another theme: themes have two levels, so choose a top-level theme.");
        }
        if (hasChildren)
        {
            throw new DomainException($"'{Name}' has themes under it, so it stays a top-level theme.");
        }
        ParentThemeId = Guard.Id(parent.Id, "The parent theme");
    }

    public void Activate()
    {
        if (Status == ThemeStatus.Active)
        {
            throw new DomainException($"'{Name}' is already active.");
        }
        Status = ThemeStatus.Active;
    }

    /// <summary>
    /// Checks that the theme may be deleted: not while themes are under it, whose figures would lose their parent
    /// without anyone deciding where they belong. Its tags and friction-issue links go with it.
    /// </summary>
    public void EnsureMayDelete(IReadOnlyCollection<string> childNames)
    {
        if (WhyNotDelete(Name, childNames) is { } refusal)
        {
            throw new DomainException(refusal);
        }
    }

    /// <summary>Why the theme <paramref name="name"/> with <paramref name="childNames"/> under it may not be deleted, or null when it may.</summary>
    public static string? WhyNotDelete(string name, IReadOnlyCollection<string> childNames) => childNames.Count == 0
        ? null
        : $"'{name}' has {childNames.Count} {(childNames.Count == 1 ? "theme" : "themes")} under it "
          + $"({string.Join(", ", childNames.Order(StringComparer.CurrentCulture))}): delete them or move them to another theme first.";

    /// <summary>Records that every stored item was tagged again with <paramref name="rule"/>.</summary>
    public void MarkTagged(string rule) => TaggedRule = rule;
}
