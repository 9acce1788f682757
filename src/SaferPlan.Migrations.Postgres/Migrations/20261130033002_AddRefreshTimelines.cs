using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddRefreshTimelines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RefreshTimelines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    PrioritiesDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InputOpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InputClosesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExecutiveDiscussionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CirculatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovalMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefreshTimelines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefreshTimelines_PlanEditions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "PlanEditions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTimelines_EditionId",
                table: "RefreshTimelines",
                column: "EditionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RefreshTimelines");
        }
    }
}
