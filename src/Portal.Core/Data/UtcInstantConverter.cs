using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Core.Data;

/// <summary>
/// The platform's one time rule for stored data: an instant is a <see cref="DateTimeOffset"/>
/// in code and is stored as UTC (SQLite cannot compare or order DateTimeOffset; PostgreSQL
/// keeps it as timestamptz); it is read back with offset zero and shown in Asia/Ho_Chi_Minh
/// (<see cref="Text.VietnamTime"/>). A calendar date (a decision's signing date, a deadline
/// day) is a <see cref="DateOnly"/>. Entities do not use <see cref="DateTime"/>.
/// Applied to every model by <see cref="PortalModelConventions.ConfigureConventions"/>.
/// </summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
