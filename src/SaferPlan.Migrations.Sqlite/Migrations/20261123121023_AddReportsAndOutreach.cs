using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddReportsAndOutreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", maxLength: 80000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerBriefings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    Background = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    Sections = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    FiguresTitle = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Figures = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    Risks = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    Recommendations = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    Marking = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerBriefings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerBriefings_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskGroupReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadOfficerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeadOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Achievements = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    AchievementsMarking = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Concerns = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ConcernsMarking = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Recommendations = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecommendationsMarking = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublicityItems = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskGroupReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskGroupReports_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TaskGroupReports_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TaskGroupReports_People_LeadOfficerId",
                        column: x => x.LeadOfficerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TaskGroupReports_Priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "UpdateLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpdateLinks_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UpdateLinks_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FigureTables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Rows = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    YearToDate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Marking = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FigureTables_TaskGroupReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "TaskGroupReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FigureTables_ReportId",
                table: "FigureTables",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerBriefings_BodyId_Period",
                table: "PartnerBriefings",
                columns: new[] { "BodyId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupReports_BodyId",
                table: "TaskGroupReports",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupReports_LeadOfficerId",
                table: "TaskGroupReports",
                column: "LeadOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupReports_PartnershipId_Period_SortOrder",
                table: "TaskGroupReports",
                columns: new[] { "PartnershipId", "Period", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskGroupReports_PriorityId",
                table: "TaskGroupReports",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateLinks_PartnershipId",
                table: "UpdateLinks",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateLinks_PersonId",
                table: "UpdateLinks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateLinks_TokenHash",
                table: "UpdateLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureTables");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PartnerBriefings");

            migrationBuilder.DropTable(
                name: "UpdateLinks");

            migrationBuilder.DropTable(
                name: "TaskGroupReports");
        }
    }
}
