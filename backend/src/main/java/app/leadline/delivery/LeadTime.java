package app.leadline.delivery;

/** Working days a supplier takes to dispatch a dropshipped item, fastest and slowest. */
public record LeadTime(int minDays, int maxDays) {

    public LeadTime {
        if (minDays < 0 || maxDays < minDays) {
            throw new IllegalArgumentException(
                    "Lead time must satisfy 0 <= min <= max, got " + minDays + ".." + maxDays);
        }
    }

    /** As agents and admins read it: "10–15 working days". */
    public String inWords() {
        return minDays + "–" + maxDays + " working days";
    }
}
