/** A message shown above a screen: errors (with what to do next), successes, hints. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useStrings } from "../context";

export interface NoticeProps {
  intent: "error" | "success" | "warning" | "info";
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
}

// The title on its own line: long Vietnamese sentences read badly run into it at 320 px.
const useStyles = makeStyles({ title: { display: "block" } });

export function Notice({ intent, title, children, onDismiss }: NoticeProps) {
  const t = useStrings();
  const c = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        {title ? <MessageBarTitle className={c.title}>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
