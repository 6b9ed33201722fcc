namespace CxDashboard.Web.Features.Common;

/// <summary>The caller's role or team does not allow this change; the message says why.</summary>
public sealed class NotAllowedException(string message) : Exception(message);

/// <summary>The record was not found (deleted, or never existed).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>
/// Someone else saved the record after the caller loaded it. Nothing was written; the page shows
/// the current values so the person can reapply their change.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
