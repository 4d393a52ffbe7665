// Every Mantine component's styles, for the account pages and back-office cabinets: loaded with
// them, never with the storefront's first screen. Rules already loaded repeat identically.
import '@mantine/core/styles.css';
