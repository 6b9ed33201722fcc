using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>Whether and how e-mail leaves the app, decided once from the configuration at start.</summary>
public sealed class EmailDelivery
{
    public EmailDelivery(IOptions<EmailOptions> email, IOptions<AppOptions> app, IHostEnvironment environment)
    {
        var options = email.Value;
        var smtp = !string.IsNullOrWhiteSpace(options.Smtp.Host);
        Route = smtp ? EmailRoute.Smtp : environment.IsDevelopment() ? EmailRoute.Folder : EmailRoute.Off;
        Folder = Path.Combine(environment.ContentRootPath, "App_Data", "mail");
        From = string.IsNullOrWhiteSpace(options.From) ? "CX Dashboard <cx-dashboard@localhost>" : options.From.Trim();
        BaseUrl = Uri.TryCreate(app.Value.BaseUrl?.Trim(), UriKind.Absolute, out var baseUrl) ? baseUrl : null;
    }

    public EmailRoute Route { get; }

    public bool Sends => Route != EmailRoute.Off;

    /// <summary>Where Development writes its e-mails.</summary>
    public string Folder { get; }

    public string From { get; }

    /// <summary>The app's address from <c>App:BaseUrl</c>; links in e-mails are built on it.</summary>
    public Uri? BaseUrl { get; }

    public Uri LinkTo(string path) => new(BaseUrl ?? new Uri("http://localhost"), path);

    /// <summary>What the Admin page says about e-mail.</summary>
    public string Describe(SmtpOptions smtp) => Route switch
    {
        EmailRoute.Smtp => $"E-mail is sent through {smtp.Host}:{smtp.Port} from {From}.",
        EmailRoute.Folder => $"Development: e-mails are written as .eml files to {Folder}, not sent.",
        _ => "No e-mail is sent: no SMTP server is configured (Email:Smtp:Host). Notifications are shown in the app only.",
    };

    /// <summary>Checks the settings that sending needs, as a list of problems (empty when they hold).</summary>
    public static IEnumerable<string> Problems(EmailOptions email, AppOptions app)
    {
        if (string.IsNullOrWhiteSpace(email.Smtp.Host))
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(email.From))
        {
            yield return "Email:From is required when Email:Smtp:Host is set: write the sender's address, e.g. \"CX Dashboard <cx@retailer.example>\".";
        }
        else if (!MimeKit.MailboxAddress.TryParse(email.From, out _))
        {
            yield return $"Email:From '{email.From}' is not an e-mail address.";
        }
        if (!Uri.TryCreate(app.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            yield return "App:BaseUrl is required when Email:Smtp:Host is set: write the address people reach the app at (e.g. https://cx.retailer.example), which links in e-mails are built on.";
        }
        if (string.IsNullOrWhiteSpace(email.Smtp.UserName) != string.IsNullOrWhiteSpace(email.Smtp.Password))
        {
            yield return "Email:Smtp:UserName and Email:Smtp:Password go together: set both, or neither for a server that takes mail without signing in.";
        }
    }
}
