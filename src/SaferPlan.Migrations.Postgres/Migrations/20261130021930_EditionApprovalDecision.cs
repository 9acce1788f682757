using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EditionApprovalDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovalMinute",
                table: "PlanEditions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "PlanEditions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovalMinute",
                table: "PlanEditions");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "PlanEditions");
        }
    }
}
