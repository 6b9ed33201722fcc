using CxDashboard.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CxDashboard.Web.Data;

/// <summary>Timestamps are stored as UTC; SQLite forgets the kind, so it is restored on read.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>Stores a period as its text (2026-Q3, 2026-09, 2026-W38), which sorts within a kind.</summary>
public sealed class PeriodConverter() : ValueConverter<Period, string>(
    v => v.ToString(),
    v => Period.Parse(v));
